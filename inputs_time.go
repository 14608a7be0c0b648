package clerk

import (
	"strconv"
	"time"
)

// The bounds of a time input written as Unix milliseconds in digits.
const (
	// minInputMillis is 2001-09-09T01:46:40Z, older than any Clerk data:
	// fewer digits are almost surely Unix seconds.
	minInputMillis = 1_000_000_000_000

	// maxInputMillis is the last millisecond of the year 9999: more digits
	// are almost surely micro- or nanoseconds.
	maxInputMillis = 253_402_300_799_999
)

// timeInput reads Unix milliseconds in digits or an RFC 3339 time.
func timeInput(set func(*ListUsersParams, time.Time) *ListUsersParams) func(
	*ListUsersParams, inputValue) string {

	return func(p *ListUsersParams, v inputValue) string {
		t, reason := parseInputTime(v.text)
		if reason == "" {
			set(p, t)
		}
		return reason
	}
}

// parseInputTime reads Unix milliseconds in digits or an RFC 3339 time
// from 1970 on. It refuses the zero time.Time, which would mean unset.
func parseInputTime(value string) (time.Time, string) {
	if allDigits(value) {
		return parseInputMillis(value)
	}

	t, err := time.Parse(time.RFC3339Nano, value)
	if err != nil {
		return time.Time{}, "must be Unix milliseconds in digits, such as 1700000000000," +
			" or an RFC 3339 time, such as 2024-05-01T00:00:00Z"
	}
	if t.Before(time.Unix(0, 0)) {
		return time.Time{}, "is before 1970, which Clerk cannot take, since times are" +
			" sent as Unix milliseconds; leave the input empty to set no bound"
	}
	return t, ""
}

// parseInputMillis reads Unix milliseconds in digits, refusing values that
// are likely in another unit.
func parseInputMillis(value string) (time.Time, string) {
	ms, err := strconv.ParseInt(value, 10, 64)
	switch {
	case err != nil:
		return time.Time{}, "is too large for Unix milliseconds"
	case ms < minInputMillis:
		return time.Time{}, "is before September 2001 as Unix milliseconds, so it looks" +
			" like Unix seconds; multiply by 1000 or use RFC 3339, such as" +
			" 2024-05-01T00:00:00Z"
	case ms > maxInputMillis:
		return time.Time{}, "is after the year 9999 as Unix milliseconds, so it looks" +
			" like micro- or nanoseconds; divide by 1000 or 1000000, or use RFC 3339"
	}
	return time.UnixMilli(ms).UTC(), ""
}
