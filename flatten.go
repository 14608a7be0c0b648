package clerk

import (
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// Bounds on what Flatten copies out of metadata and of members Clerk added
// after this library. A cut is said in the record under flatten_truncated.
const (
	// FlattenMaxDepth is how many levels of nested objects and lists
	// Flatten follows inside one metadata value, the value itself being
	// the first. Deeper parts are left out.
	FlattenMaxDepth = 16

	// FlattenMaxValues is how many values Flatten takes from one metadata
	// value; the rest are left out.
	FlattenMaxValues = 500

	// FlattenMaxValueBytes is the longest text value, in bytes, that
	// Flatten copies; a longer one is cut to this length at a character
	// boundary. It applies to every text value of the record. A metadata
	// number longer than this is left out, since cutting it would change
	// it.
	FlattenMaxValueBytes = 4096
)

// Known shortcomings of the bounds: they cover what the application and
// Clerk's later additions put in a user, not the lists of the schema, so
// a user in 5,000 organizations still gives every membership (about 50
// keys each); a FlattenMaxItems per list, said under flatten_truncated,
// would close that. Metadata names are not bounded in length, and a name
// holding "; " makes the list under flatten_truncated ambiguous to a
// program; that list is meant for people.

// Flatten turns a user into a Record of dotted keys and leaf values, for
// CSV columns, workflow fields, logs and mappings. The keys are described
// in the package documentation, under "Flattened keys": Clerk's JSON names
// as dotted paths, list items by index, RFC 3339 companions of timestamps,
// and the derived keys primary_email_address, primary_phone_number,
// primary_web3_wallet and full_name at the end. A metadata name that is
// empty is written as two quotation marks, public_metadata."", so that
// no key ends in a dot or holds two in a row; a name that is two
// quotation marks is written with a backslash before each.
//
// Flatten never fails and never panics: metadata that is not valid JSON
// (only possible in a User built by hand) is left out and named under
// flatten_error, and metadata beyond FlattenMaxDepth, FlattenMaxValues or
// FlattenMaxValueBytes is cut and named under flatten_truncated.
func Flatten(u User) Record {
	var f flattener
	f.grow(&u)
	f.node = userKeys
	f.object(userShape, unsafe.Pointer(&u))

	f.derived(&u)
	if s := f.errs.text(); s != "" {
		f.leaf(seg{name: keyFlattenError}, KindString, s)
	}
	if s := f.cuts.text(); s != "" {
		f.leaf(seg{name: keyFlattenTruncated}, KindString, s)
	}
	return f.record()
}

// flattener collects a record's keys and value texts in two arenas, so
// that a whole record costs two allocations rather than two per field:
// every text of the record is a slice of one string, and every key a
// slice of schemaKeys or, for the keys that depend on the data, of one
// more string.
type flattener struct {
	keys   arena // every key not in schemaKeys, back to back
	texts  arena // every value's text, back to back
	path   arena // the key of the current object or list, plus "."
	leaves []leaf
	nleaf  int
	node   *keyNode // the keys of the current object in the table, or nil
	cuts   notes    // what the bounds cut
	errs   notes    // what could not be read
	budget int      // values left for the current metadata value
	root   seg      // the current metadata value, for notes
	rootAt int      // the length of path at root
}

// grow sizes the buffers for a user of u's size, from the fields that a
// typical identifier, account and membership adds, so that they rarely
// grow again. Keys outside schemaKeys come from metadata, mostly.
func (f *flattener) grow(u *User) {
	meta := len(u.PublicMetadata) + len(u.PrivateMetadata) + len(u.UnsafeMetadata)
	n := 48 + 24*(len(u.EmailAddresses)+len(u.PhoneNumbers)+len(u.Web3Wallets)+
		len(u.Passkeys)+len(u.SAMLAccounts)+len(u.EnterpriseAccounts)) +
		32*len(u.ExternalAccounts) + 56*len(u.Memberships) + meta/12
	keys := 128 + 2*meta + 64*len(u.Memberships)
	texts := n * 12
	const path = 256

	// One allocation holds the three; each that outgrows its part moves.
	b := make([]byte, keys+texts+path)
	f.keys.b = b[:keys:keys]
	f.texts.b = b[keys : keys+texts : keys+texts]
	f.path.b = b[keys+texts:]
	f.leaves = make([]leaf, n*3/4)
}

// seg is one segment of a key: a member name, or a list index when item
// is true. escape asks for dots and backslashes in the name to be
// escaped; made asks for a leading backslash, for a member whose name is
// a key Flatten makes up.
type seg struct {
	name   string
	suffix string // written after name, unescaped: companionSuffix
	index  int
	item   bool
	escape bool
	made   bool
	ref    *keyRef // the key in schemaKeys, or nil to write it out
}

// appendSeg appends s to b.
func appendSeg(b []byte, s seg) []byte {
	switch {
	case s.item:
		return strconv.AppendInt(b, int64(s.index), 10)
	case s.made:
		b = append(b, '\\')
	}
	if s.escape || s.made {
		b = appendEscaped(b, s.name)
	} else {
		b = append(b, s.name...)
	}
	return append(b, s.suffix...)
}

// key returns the key of s under the current path, for notes.
func (f *flattener) key(s seg) string {
	return string(appendSeg(f.path.bytes(), s))
}

// leaf adds one field under the current path, cutting a text longer than
// FlattenMaxValueBytes.
func (f *flattener) leaf(s seg, kind Kind, text string) {
	if len(text) > FlattenMaxValueBytes {
		cut := FlattenMaxValueBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		f.cuts.add(f.key(s), "cut to "+strconv.Itoa(cut)+" of "+
			strconv.Itoa(len(text))+" bytes")
		text = text[:cut]
	}
	f.texts.str(text)
	f.leafKey(s, kind)
}

// leafKey writes the key of a field whose text is written.
func (f *flattener) leafKey(s seg, kind Kind) {
	if f.nleaf == len(f.leaves) {
		f.leaves = append(f.leaves, make([]leaf, len(f.leaves)+16)...)
	}
	l := &f.leaves[f.nleaf]
	f.nleaf++

	l.textEnd, l.kind = int32(f.texts.n), kind
	if s.ref != nil {
		l.keyStart, l.keyEnd, l.schema = s.ref.start, s.ref.end+int32(len(s.suffix)), true
		return
	}
	l.keyStart = int32(f.keys.n)
	f.keys.raw(f.path.bytes())
	f.keys.seg(s)
	l.keyEnd = int32(f.keys.n)
}

// push enters the object or list s; pop returns to the length n that push
// returned.
func (f *flattener) push(s seg) int {
	n := f.path.n
	f.path.seg(s)
	f.path.str(".")
	return n
}

func (f *flattener) pop(n int) { f.path.n = n }

// record returns the Record: the arenas' text and the leaves.
func (f *flattener) record() Record {
	return Record{keys: f.keys.done(), texts: f.texts.done(),
		leaves: f.leaves[:f.nleaf:f.nleaf]}
}

// arena is a byte buffer that grows by doubling and is written at an
// index, so that writing to it stores no pointer: the hot loop of Flatten
// then needs no write barriers.
type arena struct {
	b []byte
	n int
}

// room makes space for more bytes.
func (a *arena) room(more int) {
	if a.n+more > len(a.b) {
		b := make([]byte, max(2*len(a.b), a.n+more))
		copy(b, a.b[:a.n])
		a.b = b
	}
}

func (a *arena) str(s string) {
	a.room(len(s))
	a.n += copy(a.b[a.n:], s)
}

func (a *arena) raw(p []byte) {
	a.room(len(p))
	a.n += copy(a.b[a.n:], p)
}

// seg writes one segment of a key.
func (a *arena) seg(s seg) {
	if s.item {
		var digits [20]byte
		a.raw(strconv.AppendInt(digits[:0], int64(s.index), 10))
		return
	}
	if !s.escape && !s.made {
		a.str(s.name)
		a.str(s.suffix)
		return
	}
	var buf [64]byte
	a.raw(appendSeg(buf[:0], s))
}

// done returns what was written as a string without copying it, as
// strings.Builder does. It is safe because the arena's bytes are never
// written again: Flatten drops the arena once the record is made.
func (a *arena) done() string {
	if a.n == 0 {
		return ""
	}
	return unsafe.String(&a.b[0], a.n)
}

// int writes n in decimal.
func (a *arena) int(n int64) {
	a.room(20)
	a.n += len(strconv.AppendInt(a.b[a.n:a.n], n, 10))
}

// companion writes Unix milliseconds ms as appendCompanion does and
// returns the kind of the text: null when ms has no RFC 3339 form.
func (a *arena) companion(ms int64) Kind {
	a.room(24)
	text, ok := appendCompanion(a.b[a.n:a.n], ms)
	if !ok {
		return KindNull
	}
	a.n += len(text)
	return KindString
}

// bytes returns what was written; it is valid until the next write.
func (a *arena) bytes() []byte { return a.b[:a.n] }
