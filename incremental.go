package clerk

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"time"
)

// WatermarkField is the timestamp an incremental run follows.
type WatermarkField string

// The timestamps an incremental run can follow.
const (
	// WatermarkCreatedAt follows sign-ups: each run yields users created
	// since the last one.
	WatermarkCreatedAt WatermarkField = "created_at"
	// WatermarkLastSignInAt follows sign-ins; a user who signs in again is
	// yielded again. Users who never signed in are never yielded once the
	// watermark is set.
	WatermarkLastSignInAt WatermarkField = "last_sign_in_at"
	// WatermarkLastActiveAt follows activity, like WatermarkLastSignInAt.
	WatermarkLastActiveAt WatermarkField = "last_active_at"
)

// Watermark says how far incremental runs have got: the latest value of
// Field among the users processed, in Unix milliseconds, and the ids of
// the users processed at exactly that millisecond, so that the next run
// takes the rest of that millisecond without repeating them. Store it as
// JSON between runs. The zero Watermark of a field means "from the
// beginning".
type Watermark struct {
	Field  WatermarkField `json:"field"`
	Millis int64          `json:"millis"`
	IDs    []string       `json:"ids,omitempty"`
}

// IncrementalRun is one run of an incremental job: Users yields what is
// new since the starting watermark, and Watermark then gives the one to
// store for the next run.
type IncrementalRun struct {
	c      *Client
	params *ListUsersParams
	from   Watermark
	opts   ScanOptions
	next   Watermark
	done   bool
}

// Incremental prepares a run that yields the users params match whose
// from.Field is later than the watermark, or equal to it and not yet
// processed. params is checked as ScanUsers checks it; an unknown field is
// an error too.
func (c *Client) Incremental(params *ListUsersParams, from Watermark,
	opts ScanOptions) (*IncrementalRun, error) {

	switch from.Field {
	case WatermarkCreatedAt, WatermarkLastSignInAt, WatermarkLastActiveAt:
	default:
		return nil, fmt.Errorf("clerk: Watermark.Field must be %q, %q or %q, got %q",
			WatermarkCreatedAt, WatermarkLastSignInAt, WatermarkLastActiveAt, from.Field)
	}
	p, err := scanBase(params)
	if err != nil {
		return nil, err
	}
	if from.Millis > 0 || len(from.IDs) > 0 {
		// Bounds are strict: one millisecond earlier keeps the watermark's
		// own millisecond in.
		after := time.UnixMilli(from.Millis - 1)
		switch from.Field {
		case WatermarkCreatedAt:
			p.createdAt.after = later(p.createdAt.after, after)
		case WatermarkLastSignInAt:
			p.lastSignInAt.after = later(p.lastSignInAt.after, after)
		case WatermarkLastActiveAt:
			p.lastActiveAt.after = later(p.lastActiveAt.after, after)
		}
	}
	return &IncrementalRun{c: c, params: p, from: from, opts: opts, next: from}, nil
}

// Users yields the new users, in no promised order, with ScanUsers.
func (r *IncrementalRun) Users(ctx context.Context) iter.Seq2[User, error] {
	return func(yield func(User, error) bool) {
		next := r.from
		for u, err := range r.c.ScanUsers(ctx, r.params, r.opts) {
			if err != nil {
				yield(User{}, err)
				return
			}
			at, ok := watermarkValue(&u, r.from.Field)
			if ok && at == r.from.Millis && slices.Contains(r.from.IDs, u.ID) {
				continue // processed by the run that set the watermark
			}
			if ok {
				next = next.advance(at, u.ID)
			}
			if !yield(u, nil) {
				return
			}
		}
		slices.Sort(next.IDs)
		r.next, r.done = next, true
	}
}

// Watermark returns the watermark to store once Users has run to its end
// without error; before that, or after an error or a break, it returns
// the starting one, so that a failed run is simply run again.
func (r *IncrementalRun) Watermark() Watermark {
	if !r.done {
		return r.from
	}
	return r.next
}

// advance moves the watermark to a user's value.
func (w Watermark) advance(at int64, id string) Watermark {
	switch {
	case at > w.Millis:
		return Watermark{Field: w.Field, Millis: at, IDs: []string{id}}
	case at == w.Millis && !slices.Contains(w.IDs, id):
		w.IDs = append(slices.Clip(w.IDs), id)
	}
	return w
}

func watermarkValue(u *User, field WatermarkField) (int64, bool) {
	var v *int64
	switch field {
	case WatermarkCreatedAt:
		return u.CreatedAt, true
	case WatermarkLastSignInAt:
		v = u.LastSignInAt
	case WatermarkLastActiveAt:
		v = u.LastActiveAt
	}
	if v == nil {
		return 0, false
	}
	return *v, true
}
