package clerktest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/workflowkit/clerk/clerktest"
)

// A test of code that scans every user serves a large generated
// population. A third of it came in a bulk import and shares a few
// milliseconds, so a scan that pages by creation time windows meets pages
// whose users were all created in the same millisecond, and must page by
// cursor.
func ExampleWithGeneratedUsers() {
	srv := clerktest.NewServer(clerktest.WithGeneratedUsers(10_000, 1))
	defer srv.Close()

	get := func(pathQuery string, v any) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+pathQuery, nil)
		req.Header.Set("Authorization", "Bearer "+srv.SecretKey())
		resp, err := srv.Client().Do(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			fmt.Println(err)
		}
	}

	count := func(query string) int {
		var c struct {
			TotalCount int `json:"total_count"`
		}
		get("/users/count?"+query, &c)
		return c.TotalCount
	}
	fmt.Println("users:", count(""))

	// The import ran on 15 October 2022 at 08:00 UTC.
	start := time.Date(2022, time.October, 15, 8, 0, 0, 0, time.UTC).UnixMilli()
	window := fmt.Sprintf("created_at_after=%d&created_at_before=%d", start-1, start+5)
	fmt.Println("created in 5 ms:", count(window))

	var page []struct {
		CreatedAt int64 `json:"created_at"`
	}
	get("/users?limit=500&"+window, &page)
	fmt.Println("a page of", len(page), "spans", page[0].CreatedAt-page[len(page)-1].CreatedAt,
		"ms")
	// Output:
	// users: 10000
	// created in 5 ms: 3044
	// a page of 500 spans 0 ms
}
