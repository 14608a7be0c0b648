package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/workflowkit/clerk"
)

// sinceState is the content of a --since state file: the watermark, and
// the fingerprint of the filters and the instance it was made for (see
// sinceFingerprint). A file from before the fingerprint has none: it is
// accepted as it is, and the next successful run writes one.
type sinceState struct {
	clerk.Watermark
	Flags string `json:"flags,omitempty"`
}

// sinceFingerprint identifies the users a --since state file follows: the
// filters and the source (see fingerprint), not --format or --fields,
// which change no user.
func sinceFingerprint(params *clerk.ListUsersParams, source string) (string, error) {
	return fingerprint("since", nil, params, source)
}

// loadWatermark reads the state file of --since: the watermark of the
// previous run, or the beginning of field when there is no file yet.
// fieldSet says whether --since-field was given, which must then agree
// with the file; flags (see sinceFingerprint) must agree with the file's
// fingerprint, if it has one.
func loadWatermark(path string, field clerk.WatermarkField, fieldSet bool,
	flags string) (clerk.Watermark, error) {

	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return clerk.Watermark{Field: field}, nil
	}
	if err != nil {
		return clerk.Watermark{}, err
	}

	var st sinceState
	if err := json.Unmarshal(data, &st); err != nil || st.Field == "" {
		if err == nil {
			err = errors.New(`no "field"`)
		}
		return clerk.Watermark{}, fmt.Errorf("%s is not a --since state file (%v); "+
			"fix it, or remove it to export every user", path, err)
	}
	if fieldSet && st.Field != field {
		return clerk.Watermark{}, usagef("--since-field is %s, but %s follows %s; "+
			"drop --since-field or use another state file", field, path, st.Field)
	}
	if st.Flags != "" && st.Flags != flags {
		return clerk.Watermark{}, usagef("%s was written by a run with other filters "+
			"or for another Clerk instance, and would skip users here; use a separate "+
			"state file for each set of filters and each instance", path)
	}
	return st.Watermark, nil
}

// saveWatermark replaces the state file atomically, with the fingerprint
// flags (see sinceFingerprint).
func saveWatermark(path string, wm clerk.Watermark, flags string) error {
	data, err := json.MarshalIndent(sinceState{Watermark: wm, Flags: flags}, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(data, '\n'))
}

// sinceParams narrows params to the users an incremental run from wm
// can yield, as Incremental does, for counting them.
func sinceParams(params *clerk.ListUsersParams, wm clerk.Watermark) *clerk.ListUsersParams {
	if wm.Millis <= 0 && len(wm.IDs) == 0 {
		return params
	}

	after := wm.Millis - 1 // strict: keeps the watermark's millisecond
	filters, err := params.CountValues()
	if err == nil {
		// The caller's own bound, when later, stays.
		own, err := strconv.ParseInt(filters.Get(string(wm.Field)+"_after"), 10, 64)
		if err == nil && own > after {
			after = own
		}
	}

	p := params.Clone()
	t := time.UnixMilli(after)
	switch wm.Field {
	case clerk.WatermarkCreatedAt:
		p.CreatedAfter(t)
	case clerk.WatermarkLastSignInAt:
		p.LastSignInAfter(t)
	case clerk.WatermarkLastActiveAt:
		p.LastActiveAfter(t)
	}
	return p
}
