package clerk_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/workflowkit/clerk"
	"github.com/workflowkit/clerk/clerktest"
)

// newExampleClient starts a test server with the demo users; real code
// uses clerk.CredentialFromEnv and clerk.NewClient(cred).
func newExampleClient() (*clerk.Client, func()) {
	srv := clerktest.NewServer(clerktest.WithDemoUsers())
	cred, err := clerk.NewCredential("demo", srv.SecretKey())
	if err != nil {
		panic(err)
	}
	client, err := clerk.NewClient(cred, clerk.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}
	return client, srv.Close
}

func ExampleClient_ListUsers() {
	client, done := newExampleClient()
	defer done()

	users, err := client.ListUsers(context.Background(),
		clerk.NewListUsersParams().EmailAddresses("ada.lovelace@example.com"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range users {
		fmt.Println(*u.FirstName, *u.LastName, u.PrimaryPhoneNumber())
	}
	// Output: Ada Lovelace +15555550100
}

func ExampleClient_Users() {
	client, done := newExampleClient()
	defer done()

	params := clerk.NewListUsersParams().Banned(true).Limit(500)
	banned := 0
	for _, err := range client.Users(context.Background(), params) {
		if err != nil {
			fmt.Println(err)
			return
		}
		banned++
	}
	fmt.Println("banned users:", banned)
	// Output: banned users: 2
}

func ExampleFlatten() {
	client, done := newExampleClient()
	defer done()

	users, _ := client.ListUsers(context.Background(),
		clerk.NewListUsersParams().Usernames("ada"))
	rec := clerk.Flatten(users[0])
	for _, key := range []string{"primary_email_address", "public_metadata.plan.tier",
		"email_addresses.0.verification.status"} {
		v, _ := rec.Get(key)
		fmt.Printf("%s = %s\n", key, v)
	}
	// Output:
	// primary_email_address = ada.lovelace@example.com
	// public_metadata.plan.tier = pro
	// email_addresses.0.verification.status = verified
}

func ExampleListUsersParams_Validate() {
	err := clerk.NewListUsersParams().Limit(501).Validate()
	fmt.Println(err)

	var perr *clerk.ParamError
	if errors.As(err, &perr) {
		fmt.Println("bad parameter:", perr.Param)
	}
	// Output:
	// clerk: invalid parameter limit: must be between 1 and 500, got 501
	// bad parameter: limit
}

func ExampleNewCredential() {
	cred, err := clerk.NewCredential("prod-eu", "sk_live_51HxExampleOnlyNotARealKey")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cred.InstanceType())
	fmt.Println(cred)

	_, err = clerk.NewCredential("oops", "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k")
	fmt.Println(err != nil)
	// Output:
	// production
	// clerk.Credential{nickname: "prod-eu", instance: production, key: sk_live_…}
	// true
}
