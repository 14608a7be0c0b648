package clerk

import (
	"reflect"

	"github.com/workflowkit/clerk/internal/jsonobj"
)

// models decodes every model type in one pass over the JSON: a user's
// email addresses, their verifications and everything else nested in it
// are filled by the same reader, not by their UnmarshalJSON methods. Each
// model type's UnmarshalJSON goes through it too, and must do nothing
// more: whatever else it did would be skipped for nested values. Metadata
// is decoded as its UnmarshalJSON does, as raw JSON, checked and copied.
// The registry is built once, after the tables it lists, and only read
// afterwards.
var models = jsonobj.NewRegistry(jsonobj.Config[Extra]{
	Tables: []*jsonobj.Table{
		userTable,
		emailAddressTable, phoneNumberTable, web3WalletTable, passkeyTable,
		idLinkTable, verificationTable, clerkErrorTable,
		externalAccountTable, samlAccountTable, samlConnectionTable,
		enterpriseAccountTable, enterpriseConnTable,
		membershipTable, organizationTable, publicUserDataTable, scimTable,
	},
	Store: (*Extra).setState,
	Raw:   []reflect.Type{reflect.TypeFor[Metadata]()},
})

// decodeUsers decodes a JSON array of users, as GET /v1/users answers,
// into a new slice in *users; null gives nil. It reads the bytes once,
// checking them as it goes, where encoding/json would check them first,
// then walk them again to find each user, and then hand each user's bytes
// to UnmarshalJSON. The users are the same either way.
func decodeUsers(data []byte, users *[]User) error {
	return models.Decode(data, users)
}

// DecodeUsers decodes a JSON array of users as Clerk's GET /v1/users
// answers it, for programs that hold such pages already (archives, queued
// payloads, recorded answers). It gives the same users as json.Unmarshal
// into a []User, in about a third of the time, because it reads the bytes
// once instead of checking them first and walking them again. null gives
// nil; anything but an array of user objects is an error.
func DecodeUsers(data []byte) ([]User, error) {
	var users []User
	if err := decodeUsers(data, &users); err != nil {
		return nil, err
	}
	return users, nil
}
