package clerk

import (
	"encoding/json"
	"fmt"
	"testing"
)

// genMode says which properties a generated user carries, and how.
type genMode int

const (
	// modeFull sets every property to a non-null, non-zero value.
	modeFull genMode = iota
	// modeNullLeaves sets every nullable property to null, except objects,
	// which are filled so that the nullable properties inside them are
	// reached too.
	modeNullLeaves
	// modeNullAll sets every nullable property to null.
	modeNullAll
	// modeRequired sets only the required properties, to non-null values.
	modeRequired
)

var genModes = map[genMode]string{
	modeFull: "full", modeNullLeaves: "null-leaves", modeNullAll: "null-all",
	modeRequired: "required-only",
}

// Values that a float64 cannot hold: 2^53+1, and one past int64 for
// metadata, which is raw JSON.
const (
	bigInt        = "9007199254740993"
	beyondInt64   = "123456789012345678901234567890"
	trickyString  = ` <&> "quoted" \ ✓ ` + "\u2028"
	metadataValue = `{"plan":{"tier":"gold","seats":[1,"two",null,true,{"n":` +
		beyondInt64 + `}]},"big":` + bigInt + `,"ratio":0.1,"empty":{},"none":[]}`
)

// generator builds JSON values from schemas.
type generator struct {
	spec *spec
	mode genMode
	// variant picks the alternative of every oneOf, counting round.
	variant int
}

// genCase is one generated user.
type genCase struct {
	name string
	json []byte
}

// generatedUsers returns one user per mode and oneOf alternative, so that
// every variant of every verification is generated in every mode.
func generatedUsers(tb testing.TB) []genCase {
	tb.Helper()
	sp := loadSpec(tb)

	var out []genCase
	for mode := modeFull; mode <= modeRequired; mode++ {
		for k := range sp.maxVariants() {
			g := &generator{spec: sp, mode: mode, variant: k}
			b, err := json.Marshal(g.value("user", sp.user()))
			if err != nil {
				tb.Fatal(err)
			}
			name := fmt.Sprintf("%s/variant-%d", genModes[mode], k)
			out = append(out, genCase{name: name, json: b})
		}
	}
	return out
}

// value returns a JSON value of schema s, with name (the property's) used
// to make strings recognisable.
func (g *generator) value(name string, s *schema) any {
	s = g.spec.variant(s, g.variant)
	switch {
	case s.isMetadata():
		return json.RawMessage(metadataValue)
	case s.Type == "object" || len(s.Properties) > 0:
		return g.object(s)
	case s.Type == "array":
		return []any{g.value(name, s.Items)}
	case len(s.Enum) > 0:
		return s.Enum[g.variant%len(s.Enum)]
	case s.Type == "string":
		return fmt.Sprintf("%s-%d%s", name, g.variant, trickyString)
	case s.Type == "integer":
		return json.Number(bigInt)
	case s.Type == "boolean":
		return true
	}
	panic(fmt.Sprintf("generator: property %q has unknown type %q", name, s.Type))
}

func (g *generator) object(s *schema) map[string]any {
	obj := map[string]any{}
	for _, name := range s.propertyNames() {
		p := s.Properties[name]
		if g.mode == modeRequired && !s.isRequired(name) {
			continue
		}
		if g.null(p) {
			obj[name] = nil
			continue
		}
		obj[name] = g.value(name, p)
	}
	return obj
}

// null reports whether the property p is set to null in this mode.
func (g *generator) null(p *schema) bool {
	r := g.spec.variant(p, g.variant)
	if !r.Nullable {
		return false
	}
	switch g.mode {
	case modeNullAll:
		return true
	case modeNullLeaves:
		return r.Type != "object" || r.isMetadata()
	}
	return false
}
