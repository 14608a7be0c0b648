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
