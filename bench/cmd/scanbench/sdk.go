package main

import (
	"context"

	sdk "github.com/clerk/clerk-sdk-go/v2"
	sdkuser "github.com/clerk/clerk-sdk-go/v2/user"
)

// sdkWalk is contestant 3: the official SDK's user.List, 500 users a
// page, the offset advanced by each page, stopping on a short page, as
// its documentation suggests. user.List sends GET /v1/users/count after
// every page to fill TotalCount; the server's log counts those requests.
//
// The SDK keeps its key and backend in package state, so this contestant
// must not run in parallel with another use of the SDK; scanbench runs
// one contestant at a time. It has no retries, so a 429 ends the walk.
func sdkWalk(ctx context.Context, a *arena) error {
	sdk.SetKey(a.key)
	url := a.url
	sdk.SetBackend(sdk.NewBackend(&sdk.BackendConfig{URL: &url}))

	limit := int64(usersPage)
	var offset int64
	for {
		params := &sdkuser.ListParams{ListParams: sdk.ListParams{Limit: &limit, Offset: &offset}}
		page, err := sdkuser.List(ctx, params)
		if err != nil {
			return err
		}
		for _, u := range page.Users {
			a.tally.Add(u.ID)
		}

		offset += int64(len(page.Users))
		if int64(len(page.Users)) < limit {
			return nil
		}
	}
}
