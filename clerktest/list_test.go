package clerktest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOffsetAndLimit(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"limit=2", "f e"},
		{"limit=2&offset=2", "d c"},
		{"limit=2&offset=4", "b a"},
		{"offset=5", "a"},
		{"offset=6", ""},
		{"offset=100", ""},
		{"limit=1&order_by=created_at&offset=2", "c"},
		{"limit=500", "f e d c b a"},
	})
}

func TestDefaultLimitIsTen(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithDemoUsers())

	if got := len(listIDs(t, srv, "")); got != 10 {
		t.Errorf("GET /users: %d users, want 10", got)
	}
	if got := len(listIDs(t, srv, "limit=500")); got != 30 {
		t.Errorf("GET /users?limit=500: %d users, want all 30", got)
	}
}

// TestCursor pages with starting_after. The cursor user need not match the
// filters: the page starts after its place in the ordering.
func TestCursor(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"starting_after=user_d", "c b a"},
		{"starting_after=user_c&limit=1", "b"},
		{"starting_after=user_a", ""},
		{"starting_after=user_f&offset=0", "e d c b a"},
		{"starting_after=user_b&order_by=created_at", "c d e f"},
		{"starting_after=user_c&order_by=%2Bcreated_at", "d e f"},
		{"starting_after=user_c&order_by=-created_at", "b a"},
		{"starting_after=user_b&banned=false", "a"},
		{"starting_after=user_e&query=lovelace", "a"},
	})
}

// TestCursorWalk follows starting_after from page to page, as a client
// does, and meets every user once.
func TestCursorWalk(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithDemoUsers())

	var seen []string
	cursor := ""
	for {
		q := "limit=7"
		if cursor != "" {
			q += "&starting_after=" + cursor
		}
		page := listIDs(t, srv, q)
		seen = append(seen, page...)
		if len(page) < 7 {
			break
		}
		cursor = page[len(page)-1]
	}

	if diff := cmp.Diff(listIDs(t, srv, "limit=500"), seen); diff != "" {
		t.Errorf("walk (-all at once +walked):\n%s", diff)
	}
}

func TestCount(t *testing.T) {
	t.Parallel()
	srv := newFixtureServer(t)
	cases := []struct {
		query string
		want  int64
	}{
		{"", 6},
		{"banned=false", 5},
		{"organization_id=org_1&organization_id=org_3", 4},
		{"name_query=lovelace", 2},
		{"user_id[]=user_a", 6},
		{"limit=0&offset=-1&order_by=bogus&starting_after=nobody", 6},
		{"limit=1&query=ada", 2},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			t.Parallel()
			res := get(t, srv, "/users/count?"+tc.query)
			if res.status != http.StatusOK {
				t.Fatalf("status %d, want 200; body %s", res.status, res.body)
			}
			var got map[string]any
			if err := json.Unmarshal(res.body, &got); err != nil {
				t.Fatal(err)
			}
			want := map[string]any{"object": "total_count", "total_count": float64(tc.want)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("count (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCountRejectsInvalidFilters(t *testing.T) {
	t.Parallel()
	srv := newFixtureServer(t)

	got := errorOf(t, get(t, srv, "/users/count?banned=maybe"))
	want := wantError{Status: 422, Code: codeFormatInvalid, Param: "banned"}
	if got != want {
		t.Errorf("count with banned=maybe: %+v, want %+v", got, want)
	}
}

func TestListIsABareArray(t *testing.T) {
	t.Parallel()
	srv := newFixtureServer(t)

	res := get(t, srv, "/users?user_id=nobody")
	if string(res.body) != "[]" {
		t.Errorf("empty list body %q, want []", res.body)
	}
	if ct := res.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
}

// BenchmarkList20k lists a page from 20,000 users with a partial search
// and a non-default ordering, the costliest common request.
func BenchmarkList20k(b *testing.B) {
	srv := newTestServer(b)
	for i := range 20_000 {
		id := fmt.Sprintf("user_bench%06d", i)
		srv.AddUser(fixtureUser(id, int64(i%5000)).name("Bench", fmt.Sprint(i)).
			email(fmt.Sprintf("bench%d@example.com", i)).build())
	}
	b.ResetTimer()
	for b.Loop() {
		listIDs(b, srv, "query=example&order_by=-last_name&limit=100&offset=1000")
	}
}

// BenchmarkServePage serves 500-user pages from the middle of 100,000
// generated users, with starting_after in created_at order, as a client
// scanning them asks for. All but "http" call the server's handler
// without the network, which measures the server's own cost; "http" adds
// the loopback and the client reading the body.
func BenchmarkServePage(b *testing.B) {
	srv := newTestServer(b, WithGeneratedUsers(100_000, 1))
	all := srv.store.all()
	mid, end := all[len(all)/2].facts, all[len(all)*9/10].facts
	cases := []struct{ name, query string }{
		{"created_at", "order_by=created_at&limit=500&starting_after=" + mid.id},
		{"-created_at", "limit=500&starting_after=" + mid.id},
		{"window", fmt.Sprintf("limit=500&starting_after=%s&created_at_after=%d",
			mid.id, end.created)},
		{"banned=false", "limit=500&banned=false&starting_after=" + mid.id},
		{"count", ""},
	}
	// Serve a few hundred pages first, so that the heap grows to its
	// steady size here rather than in the first case, with page faults.
	warm := httptest.NewRequest(http.MethodGet, "/v1/users?"+cases[0].query, nil)
	warm.Header.Set("Authorization", "Bearer "+srv.SecretKey())
	for range 400 {
		srv.ts.Config.Handler.ServeHTTP(&discardWriter{header: http.Header{}}, warm)
	}
	runtime.GC()

	for _, tc := range cases {
		path := "/v1/users?" + tc.query
		if tc.name == "count" {
			path = "/v1/users/count"
		}
		b.Run(tc.name, func(b *testing.B) { benchHandler(b, srv, path) })
	}

	b.Run("http", func(b *testing.B) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/users?"+cases[0].query, nil)
		req.Header.Set("Authorization", "Bearer "+srv.SecretKey())
		for b.Loop() {
			resp, err := srv.Client().Do(req)
			if err != nil {
				b.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			b.SetBytes(n)
		}
	})
}

// benchHandler serves path to the server's handler, without the network.
func benchHandler(b *testing.B, srv *Server, path string) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", "Bearer "+srv.SecretKey())
	w := &discardWriter{header: http.Header{}}
	srv.ts.Config.Handler.ServeHTTP(w, req)
	if w.status != http.StatusOK {
		b.Fatalf("GET %s: status %d", path, w.status)
	}
	b.SetBytes(int64(w.n))

	for b.Loop() {
		srv.ts.Config.Handler.ServeHTTP(w, req)
	}
}

// discardWriter is a ResponseWriter that keeps only the status and the
// size of the last body.
type discardWriter struct {
	header http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header { return w.header }

func (w *discardWriter) WriteHeader(status int) { w.status, w.n = status, 0 }

func (w *discardWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	return len(p), nil
}
