package clerk

import (
	"errors"
	"strings"
)

// template is a step input: text with placeholders such as
// {{account.email}} that name keys of the workflow's data.
type template struct {
	parts []templatePart
}

// templatePart is literal text, or the key of a placeholder.
type templatePart struct {
	text string
	key  string // set for a placeholder
}

// parseTemplate reads text with {{key}} placeholders; white space inside
// the braces is ignored. A "{{" without "}}", an empty key, or a key that
// holds a brace is an error.
func parseTemplate(s string) (template, error) {
	var t template
	for s != "" {
		open := strings.Index(s, "{{")
		if open < 0 {
			t.parts = append(t.parts, templatePart{text: s})
			break
		}
		if open > 0 {
			t.parts = append(t.parts, templatePart{text: s[:open]})
		}

		end := strings.Index(s[open+2:], "}}")
		if end < 0 {
			return template{}, errors.New(`has "{{" without its closing "}}"`)
		}
		key := strings.TrimSpace(s[open+2 : open+2+end])
		switch {
		case key == "":
			return template{}, errors.New(`has an empty placeholder "{{}}"; name a key` +
				` of the workflow's data, such as {{account.email}}`)
		case strings.ContainsAny(key, "{}"):
			return template{}, errors.New(`has a placeholder holding a brace; write` +
				` placeholders as {{key}}, one pair of braces each`)
		}
		t.parts = append(t.parts, templatePart{key: key})
		s = s[open+2+end+2:]
	}
	return t, nil
}

// placeholders returns the keys the template reads, in order.
func (t template) placeholders() []string {
	var keys []string
	for _, p := range t.parts {
		if p.key != "" {
			keys = append(keys, p.key)
		}
	}
	return keys
}

// resolve fills the placeholders from data. It reports false, resolving
// to nothing, when any placeholder's key is missing or holds only white
// space: half a value, such as "+1" without its number, is never sent.
func (t template) resolve(data map[string]string) (string, bool) {
	var b strings.Builder
	for _, p := range t.parts {
		v, ok := p.fill(data)
		if !ok {
			return "", false
		}
		b.WriteString(v)
	}
	return b.String(), true
}

// items fills the placeholders from data, as resolve does, and splits the
// result into the items of a list parameter: on the commas of the
// template's own text only. What a placeholder brings stays whole, in the
// data of its item, however many commas it holds.
func (t template) items(data map[string]string) ([]inputItem, bool) {
	items := []inputItem{{}}
	for _, p := range t.parts {
		v, ok := p.fill(data)
		if !ok {
			return nil, false
		}
		if p.key != "" {
			items[len(items)-1].data += v
			continue
		}

		for i, piece := range strings.Split(v, ",") {
			if i > 0 {
				items = append(items, inputItem{})
			}
			it := &items[len(items)-1]
			if it.data == "" {
				it.lead += piece
			} else {
				it.data += piece
			}
		}
	}
	return items, true
}

// fill returns the text of a literal part, or the value data holds for a
// placeholder; false when that value is missing or only white space.
func (p templatePart) fill(data map[string]string) (string, bool) {
	if p.key == "" {
		return p.text, true
	}
	v, ok := data[p.key]
	return v, ok && strings.TrimSpace(v) != ""
}
