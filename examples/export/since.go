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

// loadWatermark reads the state file of --since: the watermark of the
// previous run, or the beginning of field when there is no file yet.
// fieldSet says whether --since-field was given, which must then agree
// with the file.
func loadWatermark(path string, field clerk.WatermarkField, fieldSet bool) (clerk.Watermark,
	error) {

	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return clerk.Watermark{Field: field}, nil
	}
	if err != nil {
		return clerk.Watermark{}, err
	}

	var wm clerk.Watermark
	if err := json.Unmarshal(data, &wm); err != nil || wm.Field == "" {
		if err == nil {
			err = errors.New(`no "field"`)
		}
		return clerk.Watermark{}, fmt.Errorf("%s is not a --since state file (%v); "+
			"fix it, or remove it to export every user", path, err)
	}
	if fieldSet && wm.Field != field {
		return clerk.Watermark{}, usagef("--since-field is %s, but %s follows %s; "+
			"drop --since-field or use another state file", field, path, wm.Field)
	}
	return wm, nil
}

// saveWatermark replaces the state file atomically.
func saveWatermark(path string, wm clerk.Watermark) error {
	data, err := json.MarshalIndent(wm, "", "  ")
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
