package clerktest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPageMatchesNaive answers random queries on generated users both by
// the store and the slow way (filter everything, sort, cut), which must
// agree. The queries mix orderings, cursors, created_at windows whose
// bounds fall on the milliseconds of the bulk import, offsets and other
// filters.
func TestPageMatchesNaive(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithGeneratedUsers(3000, 11))
	recs := srv.store.all()
	rng := rand.New(rand.NewPCG(11, 11))

	for range 400 {
		q := randomQuery(rng, recs)
		lp, err := parseList(q)
		if err != nil {
			t.Fatalf("query %s: %s", q.Encode(), err.message)
		}
		got, ok := srv.store.page(&lp)
		if !ok {
			t.Fatalf("query %s: cursor not found", q.Encode())
		}
		if diff := cmp.Diff(naivePage(recs, &lp), ids(got)); diff != "" {
			t.Fatalf("query %s (-naive +store):\n%s", q.Encode(), diff)
		}

		want := len(naivePage(recs, &listParams{filter: lp.filter, limit: len(recs),
			order: defaultOrdering()}))
		if n := srv.store.count(&lp.filter); n != want {
			t.Fatalf("count %s = %d, want %d", q.Encode(), n, want)
		}
	}
}

// randomQuery draws a query of GET /v1/users.
func randomQuery(rng *rand.Rand, recs []*record) url.Values {
	q := url.Values{}
	pick := func() *record { return recs[rng.IntN(len(recs))] }
	created := rng.IntN(3) > 0
	if created {
		q.Set("order_by", []string{"created_at", "-created_at", "+created_at"}[rng.IntN(3)])
	} else {
		q.Set("order_by", []string{"last_name", "-last_sign_in_at", "username"}[rng.IntN(3)])
	}
	q.Set("limit", strconv.Itoa([]int{1, 7, 100, 500}[rng.IntN(4)]))

	if created && rng.IntN(2) == 0 {
		q.Set("starting_after", pick().facts.id)
	} else if rng.IntN(3) == 0 {
		q.Set("offset", strconv.Itoa([]int{3, 250, 2990, 5000}[rng.IntN(4)]))
	}
	for _, bound := range []string{"created_at_after", "created_at_before"} {
		if rng.IntN(2) == 0 {
			ms := pick().facts.created + int64(rng.IntN(3)-1)
			q.Set(bound, strconv.FormatInt(ms, 10))
		}
	}
	switch rng.IntN(4) {
	case 0:
		q.Set("banned", "false")
	case 1:
		q.Set("query", "son")
	}
	return q
}

// naivePage answers lp as the store did before it kept an order.
func naivePage(recs []*record, lp *listParams) []string {
	var rows []*record
	for _, r := range recs {
		if lp.filter.match(r) {
			rows = append(rows, r)
		}
	}
	rows = lp.order.sort(rows)

	if lp.hasCursor {
		i := slices.IndexFunc(recs, func(r *record) bool { return r.facts.id == lp.cursor })
		c := keyed{rec: recs[i], key: lp.order.keyOf(recs[i])}
		rows = slices.DeleteFunc(rows, func(r *record) bool {
			return lp.order.compare(keyed{rec: r, key: lp.order.keyOf(r)}, c) <= 0
		})
	}
	rows = rows[min(lp.offset, len(rows)):]
	return ids(rows[:min(lp.limit, len(rows))])
}

func ids(recs []*record) []string {
	out := []string{}
	for _, r := range recs {
		out = append(out, r.facts.id)
	}
	return out
}

// TestCursorWalkBothWays pages through 20,000 generated users, a third
// of them imported in 5 milliseconds, in both directions over HTTP: each
// user comes exactly once, and the order is total (ties by id).
func TestCursorWalkBothWays(t *testing.T) {
	t.Parallel()
	const n = 20_000
	srv := newTestServer(t, WithGeneratedUsers(n, 12))

	for _, order := range []string{"created_at", "-created_at"} {
		t.Run(order, func(t *testing.T) {
			t.Parallel()
			walked := walk(t, srv, "order_by="+order+"&limit=500", nil)
			checkWalk(t, walked, n, order == "-created_at")
		})
	}
}

// pageUser is the part of a listed user a walk looks at.
type pageUser struct {
	ID        string `json:"id"`
	CreatedAt int64  `json:"created_at"`
}

// walk follows starting_after from page to page, as a client does, and
// calls between, if not nil, between pages.
func walk(t *testing.T, srv *Server, query string, between func()) []pageUser {
	t.Helper()
	var all []pageUser
	for cursor := ""; ; {
		q := query
		if cursor != "" {
			q += "&starting_after=" + cursor
		}
		res := get(t, srv, "/users?"+q)
		var page []pageUser
		if err := json.Unmarshal(res.body, &page); res.status != http.StatusOK || err != nil {
			t.Fatalf("GET /users?%s: status %d, %v", q, res.status, err)
		}
		all = append(all, page...)
		if len(page) == 0 || len(page) < 500 {
			return all
		}
		cursor = page[len(page)-1].ID
		if between != nil {
			between()
		}
	}
}

// checkWalk checks that walked holds n users, each once, strictly ordered
// by created_at and then id.
func checkWalk(t *testing.T, walked []pageUser, n int, desc bool) {
	t.Helper()
	seen := map[string]bool{}
	for i, u := range walked {
		if seen[u.ID] {
			t.Fatalf("user %s listed twice", u.ID)
		}
		seen[u.ID] = true
		if i == 0 {
			continue
		}
		c := cmpCreated(walked[i-1], u)
		if (desc && c <= 0) || (!desc && c >= 0) {
			t.Fatalf("users %d and %d out of order: %+v, %+v", i-1, i, walked[i-1], u)
		}
	}
	if len(seen) != n {
		t.Errorf("walk listed %d users, want %d", len(seen), n)
	}
}

func cmpCreated(a, b pageUser) int {
	switch {
	case a.CreatedAt < b.CreatedAt:
		return -1
	case a.CreatedAt > b.CreatedAt:
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}

// TestTiesAreOrderedByID lists users imported in the same milliseconds
// in small pages: pages cut through groups of equal created_at, and the
// cursor still finds its place.
func TestTiesAreOrderedByID(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithGeneratedUsers(1000, 13))
	imported := genOpening() + genImportDay*day

	for _, order := range []string{"created_at", "-created_at"} {
		query := fmt.Sprintf("order_by=%s&limit=7&created_at_after=%d&created_at_before=%d",
			order, imported-1, imported+genImportMs)
		var walked []pageUser
		for cursor := ""; ; {
			q := query
			if cursor != "" {
				q += "&starting_after=" + cursor
			}
			page := listUsers(t, srv, q)
			for _, u := range page {
				walked = append(walked, pageUser{ID: u.ID, CreatedAt: u.CreatedAt})
			}
			if len(page) < 7 {
				break
			}
			cursor = page[len(page)-1].ID
		}
		if len(walked) < 200 {
			t.Fatalf("%s: %d imported users, want a few hundred", order, len(walked))
		}
		checkWalk(t, walked, len(walked), order == "-created_at")
	}
}

// TestDeletedCursor: the client's cursor user deleted between pages is a
// 422 naming starting_after.
func TestDeletedCursor(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithGeneratedUsers(50, 14))
	cursor := listIDs(t, srv, "limit=10")[9]
	srv.DeleteUser(cursor)

	got := errorOf(t, get(t, srv, "/users?limit=10&starting_after="+cursor))
	want := wantError{Status: 422, Code: codeValueInvalid, Param: "starting_after"}
	if got != want {
		t.Errorf("cursor deleted: %+v, want %+v", got, want)
	}
}

// TestWalkWhileWriting walks while other goroutines add and delete users
// of their own; each generated user still comes exactly once. Run it with
// -race.
func TestWalkWhileWriting(t *testing.T) {
	t.Parallel()
	const n = 5000
	srv := newTestServer(t, WithGeneratedUsers(n, 15))
	extra := GenerateUsers(400, 16)

	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; ; i += 2 {
				select {
				case <-stop:
					return
				default:
				}
				u := extra[i%len(extra)]
				srv.AddUser(u)
				srv.DeleteUser(extra[(i+100)%len(extra)].ID)
			}
		}()
	}

	walked := walk(t, srv, "limit=500", nil)
	close(stop)
	wg.Wait()

	extraIDs := map[string]bool{}
	for _, u := range extra {
		extraIDs[u.ID] = true
	}
	walked = slices.DeleteFunc(walked, func(u pageUser) bool { return extraIDs[u.ID] })
	checkWalk(t, walked, n, true)
}

func TestCountUnfiltered(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithGeneratedUsers(1234, 17))
	srv.DeleteUser(srv.Users()[5].ID)

	res := get(t, srv, "/users/count")
	if want := `{"object":"total_count","total_count":1233}`; string(res.body) != want {
		t.Errorf("count %s, want %s", res.body, want)
	}
}
