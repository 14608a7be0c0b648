package clerk

import (
	"slices"
	"testing"
)

func TestTemplateResolve(t *testing.T) {
	t.Parallel()
	data := map[string]string{"case.email": "ada@example.com", "first": "Ada",
		"last": "Lovelace", "blank": " \t", "empty": ""}
	tests := []struct {
		tmpl, want string
		ok         bool
	}{
		{"{{case.email}}", "ada@example.com", true},
		{"{{ case.email }}", "ada@example.com", true},
		{"{{first}} {{last}}", "Ada Lovelace", true},
		{"fixed", "fixed", true},
		{"", "", true},
		{"}} alone", "}} alone", true},
		{"{{missing}}", "", false},
		{"+1{{missing}}", "", false},
		{"{{first}} {{missing}}", "", false},
		{"{{blank}}", "", false},
		{"{{empty}}", "", false},
	}
	for _, tt := range tests {
		tmpl, err := parseTemplate(tt.tmpl)
		if err != nil {
			t.Fatalf("parseTemplate(%q): %v", tt.tmpl, err)
		}
		got, ok := tmpl.resolve(data)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%q resolves to %q, %v; want %q, %v", tt.tmpl, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTemplateRejects(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"{{", "{{case.email", "a {{}} b", "{{ }}", "{{a{b}}", "{{a}b}}"} {
		if _, err := parseTemplate(s); err == nil {
			t.Errorf("parseTemplate(%q) accepted it", s)
		}
	}
}

func TestTemplateItemsSplitOnlyItsOwnCommas(t *testing.T) {
	t.Parallel()
	data := map[string]string{"a": "x@example.com, y@example.com", "b": "-user_1",
		"blank": " "}
	tests := []struct {
		tmpl string
		want []inputItem
		ok   bool
	}{
		{"{{a}}", []inputItem{{data: "x@example.com, y@example.com"}}, true},
		{"{{a}}, z@example.com", []inputItem{{data: "x@example.com, y@example.com"},
			{lead: " z@example.com"}}, true},
		{"-{{b}},+{{b}}x", []inputItem{{lead: "-", data: "-user_1"},
			{lead: "+", data: "-user_1x"}}, true},
		{"a,,b", []inputItem{{lead: "a"}, {}, {lead: "b"}}, true},
		{"{{a}},{{blank}}", nil, false},
	}
	for _, tt := range tests {
		tmpl, err := parseTemplate(tt.tmpl)
		if err != nil {
			t.Fatalf("parseTemplate(%q): %v", tt.tmpl, err)
		}
		got, ok := tmpl.items(data)
		if !slices.Equal(got, tt.want) || ok != tt.ok {
			t.Errorf("%q gives %q, %v; want %q, %v", tt.tmpl, got, ok, tt.want, tt.ok)
		}
	}
}
