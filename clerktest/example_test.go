package clerktest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// A test starts a server with the demo users and looks one up by email
// address, as code under test would, with the server's URL and key.
func Example() {
	srv := clerktest.NewServer(clerktest.WithDemoUsers())
	defer srv.Close()

	q := url.Values{"email_address": {"ada.lovelace@example.com"}}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/users?"+q.Encode(), nil)
	req.Header.Set("Authorization", "Bearer "+srv.SecretKey())

	resp, err := srv.Client().Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()

	var users []clerk.User
	if err := json.NewDecoder(resp.Body).Decode(&users); err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range users {
		fmt.Println(*u.FirstName, *u.LastName, u.PrimaryPhoneNumber())
	}
	fmt.Println("requests:", srv.Hits())
	// Output:
	// Ada Lovelace +15555550100
	// requests: 1
}

// A request without the server's key gets Clerk's 401 envelope.
func ExampleServer_Requests() {
	srv := clerktest.NewServer()
	defer srv.Close()

	resp, err := srv.Client().Get(srv.URL + "/users/count")
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()

	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path, r.Status)
	}
	// Output:
	// GET /v1/users/count 401
}
