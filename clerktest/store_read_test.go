package clerktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
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
	srv := newTestServer(t, WithGeneratedUsers(1000, 11))
	recs := srv.store.all()
	rng := rand.New(rand.NewPCG(11, 11))

	for range 150 {
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

		want := len(slices.DeleteFunc(slices.Clone(recs), func(r *record) bool {
			return !lp.filter.match(r)
		}))
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
		q.Set("offset", strconv.Itoa([]int{3, 250, 990, 5000}[rng.IntN(4)]))
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
// user comes exactly once, in the store's order, which is total.
func TestCursorWalkBothWays(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithGeneratedUsers(20_000, 12))
	newest := ids(srv.store.all())
	checkCreationOrder(t, srv)

	for _, order := range []string{"created_at", "-created_at"} {
		t.Run(order, func(t *testing.T) {
			t.Parallel()
			want := slices.Clone(newest)
			if order == "created_at" {
				slices.Reverse(want)
			}
			walked := walk(t, srv, "order_by="+order+"&limit=500")
			if diff := cmp.Diff(want, walked); diff != "" {
				t.Errorf("walk (-store +walked):\n%s", diff)
			}
		})
	}
}

// checkCreationOrder checks that the store orders by created_at and then
// id, with no two users equal.
func checkCreationOrder(t *testing.T, srv *Server) {
	t.Helper()
	srv.store.mu.RLock()
	defer srv.store.mu.RUnlock()
	recs := srv.store.byCreation
	for i := 1; i < len(recs); i++ {
		if a, b := recs[i-1].facts, recs[i].facts; a.created > b.created ||
			(a.created == b.created && a.id >= b.id) {
			t.Fatalf("stored users %d and %d out of order: %s %d, %s %d", i-1, i,
				a.id, a.created, b.id, b.created)
		}
	}
}

// walk follows starting_after from page to page of 500, as a client does,
// and returns the ids listed.
func walk(t *testing.T, srv *Server, query string) []string {
	t.Helper()
	var all []string
	for cursor := ""; ; {
		q := query
		if cursor != "" {
			q += "&starting_after=" + cursor
		}
		res := get(t, srv, "/users?"+q)
		if res.status != http.StatusOK {
			t.Fatalf("GET /users?%s: status %d; body %.300s", q, res.status, res.body)
		}
		page := scanIDs(t, res.body, cursor == "")
		all = append(all, page...)
		if len(page) < 500 {
			return all
		}
		cursor = page[len(page)-1]
	}
}

// scanIDs returns the ids of a page of users. It looks for the start of
// each user, {"id":"user_, instead of decoding a megabyte with
// encoding/json, which takes a tenth of a second under -race: a user's
// JSON starts with its id, and no other object has an id starting user_.
// With check, it compares its answer with encoding/json's.
func scanIDs(t *testing.T, body []byte, check bool) []string {
	t.Helper()
	const start = `{"id":"user_`
	out := []string{}
	for i := bytes.Index(body, []byte(start)); i >= 0; {
		rest := body[i+len(`{"id":"`):]
		out = append(out, string(rest[:bytes.IndexByte(rest, '"')]))
		next := bytes.Index(rest, []byte(start))
		if next < 0 {
			break
		}
		i = len(body) - len(rest) + next
	}

	if check {
		var page []struct{ ID string }
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatal(err)
		}
		want := []string{}
		for _, u := range page {
			want = append(want, u.ID)
		}
		if diff := cmp.Diff(want, out); diff != "" {
			t.Fatalf("scanIDs differs from encoding/json (-json +scan):\n%s", diff)
		}
	}
	return out
}

// pageUser is the part of a listed user that TestTiesAreOrderedByID
// looks at.
type pageUser struct {
	ID        string `json:"id"`
	CreatedAt int64  `json:"created_at"`
}

// TestTiesAreOrderedByID lists the users imported in the same
// milliseconds in pages of 25: pages cut through groups of equal
// created_at, and the cursor still finds its place.
func TestTiesAreOrderedByID(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithGeneratedUsers(1000, 13))
	imported := genOpening() + genImportDay*day

	for _, desc := range []bool{false, true} {
		order := map[bool]string{false: "created_at", true: "-created_at"}[desc]
		query := fmt.Sprintf("order_by=%s&limit=25&created_at_after=%d&created_at_before=%d",
			order, imported-1, imported+genImportMs)
		var walked []pageUser
		for cursor := ""; ; {
			q := query
			if cursor != "" {
				q += "&starting_after=" + cursor
			}
			var page []pageUser
			if err := json.Unmarshal(get(t, srv, "/users?"+q).body, &page); err != nil {
				t.Fatal(err)
			}
			walked = append(walked, page...)
			if len(page) < 25 {
				break
			}
			cursor = page[len(page)-1].ID
		}
		if len(walked) < 200 {
			t.Fatalf("%s: %d imported users, want a few hundred", order, len(walked))
		}
		checkTies(t, walked, desc)
	}
}

// checkTies checks that walked is strictly ordered by created_at and then
// id, and lists no user twice.
func checkTies(t *testing.T, walked []pageUser, desc bool) {
	t.Helper()
	for i := 1; i < len(walked); i++ {
		a, b := walked[i-1], walked[i]
		if desc {
			a, b = b, a
		}
		if a.CreatedAt > b.CreatedAt || (a.CreatedAt == b.CreatedAt && a.ID >= b.ID) {
			t.Fatalf("users %d and %d out of order: %+v, %+v", i-1, i, walked[i-1],
				walked[i])
		}
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

// TestWalkWhileWriting walks while other goroutines write, 100 times each
// at most: they add users of their own again and again, which replaces
// them in place, and add and delete users newer than all, which stay
// ahead of the walk's cursor.
// Each generated user still comes exactly once, in order. Run it with
// -race.
func TestWalkWhileWriting(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithGeneratedUsers(3000, 15))
	want := ids(srv.store.all())
	again, fleeting := GenerateUsers(200, 16), GenerateUsers(20, 17)
	for i := range fleeting {
		fleeting[i].CreatedAt += 10 * 365 * day
	}

	var wg sync.WaitGroup
	stop := make(chan struct{})
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < 200; i += 2 {
				select {
				case <-stop:
					return
				default:
				}
				srv.AddUser(again[i%len(again)])
				srv.AddUser(fleeting[i%len(fleeting)])
				srv.DeleteUser(fleeting[(i+7)%len(fleeting)].ID)
			}
		}()
	}

	walked := walk(t, srv, "limit=500")
	close(stop)
	wg.Wait()

	ours := map[string]bool{}
	for _, u := range append(again, fleeting...) {
		ours[u.ID] = true
	}
	walked = slices.DeleteFunc(walked, func(id string) bool { return ours[id] })
	if diff := cmp.Diff(want, walked); diff != "" {
		t.Errorf("walk (-generated +walked):\n%s", diff)
	}
}

func TestCountUnfiltered(t *testing.T) {
	t.Parallel()
	srv := newTestServer(t, WithGeneratedUsers(1234, 17))
	srv.DeleteUser(srv.store.all()[5].facts.id)

	res := get(t, srv, "/users/count")
	if want := `{"object":"total_count","total_count":1233}`; string(res.body) != want {
		t.Errorf("count %s, want %s", res.body, want)
	}
}
