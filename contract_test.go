package clerk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestContractRoundTrip decodes users generated from Clerk's User schema,
// with every property set, every nullable one null, or only the required
// ones, and checks that re-encoding gives the same JSON and that every
// property landed in a typed field rather than in Extra.Unknown.
func TestContractRoundTrip(t *testing.T) {
	t.Parallel()
	strategies := map[string]bool{}
	for _, c := range generatedUsers(t) {
		t.Run(c.name, func(t *testing.T) {
			var u User
			if err := json.Unmarshal(c.json, &u); err != nil {
				t.Fatalf("Unmarshal: %v\n%s", err, c.json)
			}
			out, err := json.Marshal(u)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}

			if diff := cmp.Diff(semantic(t, c.json), semantic(t, out)); diff != "" {
				t.Errorf("re-encoded user differs (-in +out):\n%s", diff)
			}
			for _, p := range unknownPaths(reflect.ValueOf(u), "user") {
				t.Errorf("schema property %s has no typed field", p)
			}
			for _, e := range u.EmailAddresses {
				if e.Verification != nil {
					strategies[e.Verification.Object] = true
				}
			}
		})
	}

	// Every variant the schema allows for an email's verification was seen.
	sp := loadSpec(t)
	for _, alt := range sp.schemas["EmailAddress"].Properties["verification"].OneOf {
		if name := strings.TrimPrefix(alt.Ref, "#/components/schemas/"); !strategies[name] {
			t.Errorf("no generated user has an email verification of kind %s", name)
		}
	}
}

// TestContractExactIntegers shows that integers beyond 2^53 come through
// exactly, in typed fields and in metadata.
func TestContractExactIntegers(t *testing.T) {
	t.Parallel()
	var u User
	if err := json.Unmarshal(generatedUsers(t)[0].json, &u); err != nil {
		t.Fatal(err)
	}

	const want = 9007199254740993
	got := map[string]int64{
		"created_at":                    u.CreatedAt,
		"last_sign_in_at":               *u.LastSignInAt,
		"email_addresses[0].created_at": u.EmailAddresses[0].CreatedAt,
		"verification.attempts":         *u.EmailAddresses[0].Verification.Attempts,
		"organization.members_count":    u.Memberships[0].Organization.MembersCount,
	}
	for name, v := range got {
		if v != want {
			t.Errorf("%s = %d, want %d", name, v, int64(want))
		}
	}
	if v, _ := u.PublicMetadata.Lookup("big"); v != json.Number(bigInt) {
		t.Errorf("public_metadata.big = %v, want %s", v, bigInt)
	}
}

// TestContractGoFields walks the User schema and the Go types side by side:
// every schema property has a field with its JSON name and a Go type that
// fits, every field is a schema property, fields of required properties
// are tagged without omitempty and the others with it.
func TestContractGoFields(t *testing.T) {
	t.Parallel()
	sp := loadSpec(t)
	inSchema := map[reflect.Type]map[string]bool{}
	for _, oc := range sp.objectCases("User", sp.user(), reflect.TypeFor[User]()) {
		fields := jsonFields(oc.typ)
		for _, name := range oc.s.propertyNames() {
			f, ok := fields[name]
			if !ok {
				t.Errorf("%s.%s: no field in %s", oc.path, name, oc.typ)
				continue
			}
			if msg := sp.typeProblem(oc.s.Properties[name], f.Type); msg != "" {
				t.Errorf("%s.%s: field %s %s: %s", oc.path, name, f.Name, f.Type, msg)
			}
			if msg := tagProblem(oc.s, name, f); msg != "" {
				t.Errorf("%s.%s: field %s: %s", oc.path, name, f.Name, msg)
			}
		}
		if inSchema[oc.typ] == nil {
			inSchema[oc.typ] = map[string]bool{}
		}
		for name := range oc.s.Properties {
			inSchema[oc.typ][name] = true
		}
	}

	// A type used in several places (Verification) may hold the union.
	for typ, names := range inSchema {
		for name, f := range jsonFields(typ) {
			if !names[name] {
				t.Errorf("field %s.%s (%q) is in no schema", typ, f.Name, name)
			}
		}
	}
}

// TestContractGoBuiltValues encodes the zero value of every model type, as
// a caller building values in Go would start, and checks it against the
// schema: every required member written, null only where nullable, each
// member of the right JSON type.
func TestContractGoBuiltValues(t *testing.T) {
	t.Parallel()
	sp := loadSpec(t)
	for _, oc := range sp.objectCases("User", sp.user(), reflect.TypeFor[User]()) {
		b, err := json.Marshal(reflect.New(oc.typ).Interface())
		if err != nil {
			t.Fatalf("%s: %v", oc.typ, err)
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("%s encodes as %s: %v", oc.typ, b, err)
		}

		for _, name := range oc.s.Required {
			if _, ok := got[name]; !ok {
				t.Errorf("%s{}: required member %q missing in %s", oc.typ, name, b)
			}
		}
		if len(oc.s.AnyOf) > 0 && !slices.ContainsFunc(oc.s.AnyOf, func(alt *schema) bool {
			return !slices.ContainsFunc(alt.Required, func(n string) bool { return got[n] == nil })
		}) {
			t.Errorf("%s{}: no alternative of anyOf is met in %s", oc.typ, b)
		}
		for name, raw := range got {
			if msg := sp.memberProblem(oc.s.Properties[name], raw); msg != "" {
				t.Errorf("%s{}: member %q = %s: %s", oc.typ, name, raw, msg)
			}
		}
	}
}

// objectCase pairs an object schema, reached along path, with the Go
// struct type that models it. A oneOf is merged into one schema.
type objectCase struct {
	path string
	s    *schema
	typ  reflect.Type
}

// objectCases lists the object schemas reachable from s, with the Go types
// found by following fields with the same JSON names from typ.
func (sp *spec) objectCases(path string, s *schema, typ reflect.Type) []objectCase {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	s = sp.union(s)

	switch {
	case s.Type == "array" && typ.Kind() == reflect.Slice:
		return sp.objectCases(path+"[]", s.Items, typ.Elem())
	case s.isMetadata() || len(s.Properties) == 0 || typ.Kind() != reflect.Struct:
		return nil
	}
	out := []objectCase{{path: path, s: s, typ: typ}}
	fields := jsonFields(typ)
	for _, name := range s.propertyNames() {
		if f, ok := fields[name]; ok {
			out = append(out, sp.objectCases(path+"."+name, s.Properties[name], f.Type)...)
		}
	}
	return out
}

// jsonFields maps the JSON names of typ's fields to the fields.
func jsonFields(typ reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.IsExported() && name != "-" && name != "" {
			out[name] = f
		}
	}
	return out
}

// typeProblem says why a Go type cannot hold values of schema p, or "".
// Integers must be int64, so that they stay exact on every platform; a
// nullable property needs a type that can be nil.
func (sp *spec) typeProblem(p *schema, typ reflect.Type) string {
	r := sp.union(p)
	kind := typ.Kind()
	if r.Nullable && kind != reflect.Pointer && kind != reflect.Slice {
		return "the property is nullable, the type cannot be nil"
	}
	if kind == reflect.Pointer {
		typ = typ.Elem()
	}

	var ok bool
	switch {
	case r.isMetadata():
		ok = typ == reflect.TypeFor[Metadata]()
	case r.Type == "object" || len(r.Properties) > 0:
		ok = typ.Kind() == reflect.Struct
	case r.Type == "array":
		ok = typ.Kind() == reflect.Slice && typ != reflect.TypeFor[Metadata]()
	case r.Type == "string":
		ok = typ.Kind() == reflect.String
	case r.Type == "integer":
		ok = typ.Kind() == reflect.Int64
	case r.Type == "boolean":
		ok = typ.Kind() == reflect.Bool
	}
	if !ok {
		return fmt.Sprintf("does not fit schema type %q", r.Type)
	}
	return ""
}

// tagProblem checks that a required property's field is not omitempty and
// an optional one's is. Properties of which anyOf requires one of several
// may be either.
func tagProblem(s *schema, name string, f reflect.StructField) string {
	omit := strings.Contains(f.Tag.Get("json"), ",omitempty")
	switch {
	case s.isEitherRequired(name):
		return ""
	case s.isRequired(name) && omit:
		return "required by the schema but tagged omitempty"
	case !s.isRequired(name) && !omit:
		return "optional in the schema but not tagged omitempty"
	}
	return ""
}

// memberProblem says why raw is not a value of schema p, looking at its
// JSON type only, or "".
func (sp *spec) memberProblem(p *schema, raw json.RawMessage) string {
	if p == nil {
		return "not a property of the schema"
	}
	r := sp.union(p)
	kinds := map[byte]string{'"': "string", 't': "boolean", 'f': "boolean",
		'[': "array", '{': "object", 'n': "null"}
	kind, ok := kinds[raw[0]]
	if !ok {
		kind = "integer"
	}

	switch {
	case kind == "null" && !r.Nullable:
		return "null, but the property is not nullable"
	case kind != "null" && kind != r.Type:
		return fmt.Sprintf("a JSON %s, the schema says %s", kind, r.Type)
	}
	return ""
}

// semantic decodes JSON into plain Go values, numbers kept as written, so
// that two encodings of the same value compare equal.
func semantic(t testing.TB, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v in %s", err, data)
	}
	return v
}

// unknownPaths lists, as paths from name, the members that any Extra in v
// holds.
func unknownPaths(v reflect.Value, name string) []string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return unknownPaths(v.Elem(), name)
	case reflect.Slice:
		var out []string
		for i := 0; i < v.Len() && v.Type().Elem().Kind() != reflect.Uint8; i++ {
			out = append(out, unknownPaths(v.Index(i), fmt.Sprintf("%s[%d]", name, i))...)
		}
		return out
	case reflect.Struct:
		if ex, ok := v.Interface().(Extra); ok {
			var out []string
			for key := range ex.Unknown {
				out = append(out, name+"."+key)
			}
			return out
		}
		var out []string
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				jsonName, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				out = append(out, unknownPaths(v.Field(i), name+"."+jsonName)...)
			}
		}
		return out
	}
	return nil
}
