package clerk

import "testing"

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
