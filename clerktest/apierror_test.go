package clerktest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestErrorEnvelope checks the exact JSON shape of an error answer.
func TestErrorEnvelope(t *testing.T) {
	t.Parallel()
	rep := errFormat("limit", "limit must be an integer.").reply("trace123")

	var got any
	if err := json.Unmarshal(rep.body, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"errors": []any{map[string]any{
			"code":         "form_param_format_invalid",
			"message":      "is incorrectly formatted",
			"long_message": "limit must be an integer.",
			"meta":         map[string]any{"param_name": "limit"},
		}},
		"clerk_trace_id": "trace123",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("envelope (-want +got):\n%s", diff)
	}
	if rep.status != 422 {
		t.Errorf("status %d, want 422", rep.status)
	}
}

func TestErrorWithoutParamHasNoMeta(t *testing.T) {
	t.Parallel()
	rep := errAuthentication().reply("t")

	var got struct {
		Errors []map[string]any `json:"errors"`
	}
	if err := json.Unmarshal(rep.body, &got); err != nil {
		t.Fatal(err)
	}
	if _, ok := got.Errors[0]["meta"]; ok {
		t.Errorf("401 body %s has meta, want none", rep.body)
	}
}

func TestRetryAfterRoundsUp(t *testing.T) {
	t.Parallel()
	for wait, want := range map[int64]string{1: "1", 1e9: "1", 1e9 + 1: "2", 36e11: "3600"} {
		if got := errTooMany(time.Duration(wait)).header.Get("Retry-After"); got != want {
			t.Errorf("wait %dns: Retry-After %q, want %q", wait, got, want)
		}
	}
}
