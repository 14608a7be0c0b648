package clerk

import (
	"strconv"
	"strings"
)

// Keys that Flatten adds after the user's own members.
const (
	keyFlattenError     = "flatten_error"
	keyFlattenTruncated = "flatten_truncated"
)

// derived is one key that Flatten computes from the user rather than
// copies from Clerk's JSON.
type derived struct {
	key   string
	value func(u *User) string // "" when there is nothing to derive
}

// derivedKeys returns the derived keys in the order Flatten writes them,
// after the user's own members.
func derivedKeys() []derived {
	return []derived{
		{keyPrimaryEmail, (*User).PrimaryEmailAddress},
		{keyPrimaryPhone, (*User).PrimaryPhoneNumber},
		{keyPrimaryWallet, (*User).PrimaryWeb3Wallet},
		{keyFullName, fullName},
	}
}

// The derived keys.
const (
	keyPrimaryEmail  = "primary_email_address"
	keyPrimaryPhone  = "primary_phone_number"
	keyPrimaryWallet = "primary_web3_wallet"
	keyFullName      = "full_name"
)

// derived adds the derived keys in the order of derivedKeys. It calls
// each function directly, as a call through the table would move the
// user to the heap, and writes the full name without joining it first.
func (f *flattener) derived(u *User) {
	f.derivedLeaf(keyPrimaryEmail, u.PrimaryEmailAddress())
	f.derivedLeaf(keyPrimaryPhone, u.PrimaryPhoneNumber())
	f.derivedLeaf(keyPrimaryWallet, u.PrimaryWeb3Wallet())

	first := u.FirstName != nil && *u.FirstName != ""
	last := u.LastName != nil && *u.LastName != ""
	switch {
	case first && last && len(*u.FirstName)+1+len(*u.LastName) <= FlattenMaxValueBytes:
		f.texts.str(*u.FirstName)
		f.texts.str(" ")
		f.leaf(seg{name: keyFullName}, KindString, *u.LastName)
	case first && !last:
		f.leaf(seg{name: keyFullName}, KindString, *u.FirstName)
	default:
		f.derivedLeaf(keyFullName, fullName(u))
	}
}

// derivedLeaf adds a derived key: text, or null when text is "".
func (f *flattener) derivedLeaf(key, text string) {
	if text == "" {
		f.leaf(seg{name: key}, KindNull, "")
		return
	}
	f.leaf(seg{name: key}, KindString, text)
}

// derivedValue returns the value of a derived key: its text, or null when
// the user has nothing to derive it from.
func derivedValue(d derived, u *User) Value {
	if s := d.value(u); s != "" {
		return StringValue(s)
	}
	return NullValue()
}

// fullName joins the first and last name with a space, leaving out a
// part that is missing or empty.
func fullName(u *User) string {
	var parts []string
	for _, p := range []*string{u.FirstName, u.LastName} {
		if p != nil && *p != "" {
			parts = append(parts, *p)
		}
	}
	return strings.Join(parts, " ")
}

// emptyName is how a key writes a metadata name that is empty, which
// would otherwise leave a trailing or doubled dot. A name that is these
// two quotation marks is written with a backslash before each.
const emptyName = `""`

// appendEscaped appends one path segment to b, with a backslash before
// every dot and backslash in it, so that a name holding a dot cannot be
// mistaken for a nested path, and the empty name as emptyName. Names
// without either, all of Clerk's own, are written as they are.
func appendEscaped(b []byte, name string) []byte {
	switch {
	case name == "":
		return append(b, emptyName...)
	case name == emptyName:
		return append(b, `\"\"`...)
	case !strings.ContainsAny(name, `.\`):
		return append(b, name...)
	}

	for i := range len(name) {
		if name[i] == '.' || name[i] == '\\' {
			b = append(b, '\\')
		}
		b = append(b, name[i])
	}
	return b
}

// appendCompanion appends Unix milliseconds ms as RFC 3339 text in UTC
// with three fractional digits, "2023-07-01T09:00:00.000Z", so that the
// text sorts as the time does, and reports whether it could: years before
// 0000 or after 9999 have no RFC 3339 form. It gives what time.Format
// gives with the layout "2006-01-02T15:04:05.000Z07:00", without its cost.
func appendCompanion(b []byte, ms int64) ([]byte, bool) {
	const minMS, maxMS = -62167219200000, 253402300799999 // 0000-01-01, 9999-12-31
	if ms < minMS || ms > maxMS {
		return b, false
	}

	const msPerDay = 86_400_000
	days, rem := ms/msPerDay, ms%msPerDay
	if rem < 0 {
		days, rem = days-1, rem+msPerDay
	}
	y, m, d := civilDate(days)

	b = appendDigits(b, y, 4)
	b = appendDigits(append(b, '-'), m, 2)
	b = appendDigits(append(b, '-'), d, 2)
	b = appendDigits(append(b, 'T'), rem/3_600_000, 2)
	b = appendDigits(append(b, ':'), rem/60_000%60, 2)
	b = appendDigits(append(b, ':'), rem/1000%60, 2)
	b = appendDigits(append(b, '.'), rem%1000, 3)
	return append(b, 'Z'), true
}

// civilDate returns the proleptic Gregorian year, month and day of the
// day that is days after 1970-01-01 (Howard Hinnant's days_from_civil,
// inverted).
func civilDate(days int64) (year, month, day int64) {
	z := days + 719_468
	era := z / 146_097
	if z < 0 && z%146_097 != 0 {
		era--
	}
	doe := z - era*146_097
	yoe := (doe - doe/1460 + doe/36_524 - doe/146_096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153

	day = doy - (153*mp+2)/5 + 1
	month = mp + 3
	if mp >= 10 {
		month = mp - 9
	}
	year = yoe + era*400
	if month <= 2 {
		year++
	}
	return year, month, day
}

// appendDigits appends n, 0 or more, as exactly width (2 to 4) decimal
// digits.
func appendDigits(b []byte, n int64, width int) []byte {
	const pairs = "00010203040506070809101112131415161718192021222324252627282930313233" +
		"3435363738394041424344454647484950515253545556575859606162636465666768697071" +
		"72737475767778798081828384858687888990919293949596979899"
	var buf [4]byte
	lo := n % 100 * 2
	buf[2], buf[3] = pairs[lo], pairs[lo+1]
	hi := n / 100 % 100 * 2
	buf[0], buf[1] = pairs[hi], pairs[hi+1]
	return append(b, buf[4-width:]...)
}

// notes collects what Flatten had to cut or leave out, to say it in the
// record. At most maxNotes of each are listed, then how many more.
type notes struct {
	items []string
	more  int
}

const maxNotes = 10

func (n *notes) add(key, what string) {
	if len(n.items) == maxNotes {
		n.more++
		return
	}
	n.items = append(n.items, key+": "+what)
}

// text returns the notes as one line, or "" when there are none.
func (n *notes) text() string {
	s := strings.Join(n.items, "; ")
	if n.more > 0 {
		s += "; and " + strconv.Itoa(n.more) + " more"
	}
	return s
}
