package clerk

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// specFile is the subset of Clerk's Backend API description that the
// contract tests hold the model to (see testdata/README.md).
const specFile = "testdata/users.openapi.json"

// schema is the part of an OpenAPI 3.0 schema object the tests read.
type schema struct {
	Ref        string             `json:"$ref"`
	Type       string             `json:"type"`
	Format     string             `json:"format"`
	Nullable   bool               `json:"nullable"`
	Enum       []string           `json:"enum"`
	Properties map[string]*schema `json:"properties"`
	Required   []string           `json:"required"`
	Items      *schema            `json:"items"`
	AllOf      []*schema          `json:"allOf"`
	OneOf      []*schema          `json:"oneOf"`
	AnyOf      []*schema          `json:"anyOf"`
}

// spec holds the named schemas of the description.
type spec struct {
	schemas map[string]*schema
}

func loadSpec(tb testing.TB) *spec {
	tb.Helper()
	data, err := os.ReadFile(specFile)
	if err != nil {
		tb.Fatal(err)
	}

	var doc struct {
		Components struct {
			Schemas map[string]*schema `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		tb.Fatalf("%s: %v", specFile, err)
	}
	if doc.Components.Schemas["User"] == nil {
		tb.Fatalf("%s has no User schema", specFile)
	}
	return &spec{schemas: doc.Components.Schemas}
}

// user is the User schema.
func (sp *spec) user() *schema { return sp.schemas["User"] }

// resolve follows $ref and merges allOf into one schema. A oneOf is left
// for union or variant to handle. Nullable comes from the outermost schema
// that says it, as OpenAPI 3.0 places it next to allOf and oneOf.
func (sp *spec) resolve(s *schema) *schema {
	for s.Ref != "" {
		s = sp.schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")]
	}
	if len(s.AllOf) == 0 {
		return s
	}

	out := &schema{Type: s.Type, Nullable: s.Nullable, OneOf: s.OneOf}
	mergeSchema(out, s)
	for _, part := range s.AllOf {
		mergeSchema(out, sp.resolve(part))
	}
	return out
}

// variant is the k-th alternative of a oneOf (counting round), resolved,
// with the nullability of s. Without a oneOf it is s resolved.
func (sp *spec) variant(s *schema, k int) *schema {
	r := sp.resolve(s)
	if len(r.OneOf) == 0 {
		return r
	}
	v := *sp.resolve(r.OneOf[k%len(r.OneOf)])
	v.Nullable = r.Nullable
	return &v
}

// union merges every alternative of a oneOf: each property of any variant,
// nullable when nullable in any, and required when required in any.
func (sp *spec) union(s *schema) *schema {
	r := sp.resolve(s)
	if len(r.OneOf) == 0 {
		return r
	}
	out := &schema{Type: "object", Nullable: r.Nullable}
	for _, alt := range r.OneOf {
		mergeSchema(out, sp.resolve(alt))
	}
	return out
}

// mergeSchema adds src's properties, required names and anyOf to dst.
func mergeSchema(dst, src *schema) {
	if dst.Type == "" {
		dst.Type = src.Type
	}
	if dst.Properties == nil && src.Properties != nil {
		dst.Properties = map[string]*schema{}
	}
	for name, p := range src.Properties {
		if old, ok := dst.Properties[name]; ok {
			both := *old
			both.Nullable = old.Nullable || p.Nullable
			p = &both
		}
		dst.Properties[name] = p
	}
	for _, name := range src.Required {
		if !slices.Contains(dst.Required, name) {
			dst.Required = append(dst.Required, name)
		}
	}
	dst.AnyOf = append(dst.AnyOf, src.AnyOf...)
}

// propertyNames returns the names in a fixed order.
func (s *schema) propertyNames() []string {
	return slices.Sorted(maps.Keys(s.Properties))
}

// isRequired reports whether name is required outright.
func (s *schema) isRequired(name string) bool {
	return slices.Contains(s.Required, name)
}

// isEitherRequired reports whether name is one of several properties of
// which anyOf requires at least one, such as domain or domains.
func (s *schema) isEitherRequired(name string) bool {
	for _, alt := range s.AnyOf {
		if slices.Contains(alt.Required, name) {
			return true
		}
	}
	return false
}

// isMetadata reports whether a resolved object schema is free-form.
func (s *schema) isMetadata() bool {
	return s.Type == "object" && len(s.Properties) == 0 && len(s.OneOf) == 0
}

// maxVariants is the largest number of oneOf alternatives of any property,
// so that generating that many users visits every alternative.
func (sp *spec) maxVariants() int {
	most := 1
	for _, s := range sp.schemas {
		for _, p := range s.Properties {
			most = max(most, len(sp.resolve(p).OneOf))
		}
	}
	return most
}
