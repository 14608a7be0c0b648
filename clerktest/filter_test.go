package clerktest

import "testing"

func TestExactIdentifierFilters(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"email_address=ada@example.com", "a"},
		{"email_address=ada.work@corp.example", "a"},
		{"email_address=ada@example.com&email_address=bob@example.com", "b a"},
		{"email_address=nobody@example.com&email_address=bob@example.com", "b"},
		{"email_address=ada@example", ""},
		{"email_address=dev%2Bqa@example.com", "d"},
		{"email_address=dev+qa@example.com", ""}, // the + arrives as a space
		{"phone_number=%2B15555550100", "a"},
		{"phone_number=+15555550100", ""},
		{"phone_number=%2B447700900123&phone_number=%2B12025550111", "f b"},
		{"username=zoe", "c"},
		{"username=zoe&username=bob", "c b"},
		{"username=zo", ""},
		{"web3_wallet=0xABC123", "c"},
		{"web3_wallet=0xABC123&web3_wallet=0xdef456", "e c"},
	})
}

func TestPartialSearches(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"query=lovelace", "e a"},
		{"query=ADA", "c a"}, // Ada, ada@..., Adams
		{"query=%2B1555555", "d a"},
		{"query=0xabc", "c"},
		{"query=user_b", "b"},
		{"query=example.org", "c"},
		{"query=Zo%C3%AB+adams", "c"}, // "Zoë adams", the full name
		{"query=ZO%C3%8B", "c"},       // "ZOË"
		{"query=", "f e d c b a"},
		{"email_address_query=EXAMPLE.COM", "d b a"},
		{"email_address_query=lovelace", ""},
		{"phone_number_query=%2B44", "b"},
		{"phone_number_query=0100", "a"},
		{"phone_number_query=555", "f d a"},
		{"username_query=O", "c b"},
		{"username_query=_", "e"},
		{"name_query=ada", "c a"},
		{"name_query=ada+love", "a"},
		{"name_query=lovelace", "e a"},
		{"name_query=Zo%C3%AB", "c"},
		{"name_query=zo%C3%AB", "c"},
		{"name_query=ZO%C3%8B", "c"},
		{"name_query=zoe", ""},
		{"name_query=ada@", ""},
		{"name_query=frank", "f"},
	})
}

func TestBannedFilter(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"banned=true", "b"},
		{"banned=false", "f e d c a"},
	})
}

func TestFiltersJoinWithAnd(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"banned=false&organization_id=org_1", "a"},
		{"query=lovelace&created_at_after=1000", "e"},
		{"email_address=ada@example.com&username=bob", ""},
		{"email_address=ada@example.com&email_address=bob@example.com&banned=true", "b"},
		{"organization_id=org_3&last_active_at_after=5000&name_query=fr", "f"},
	})
}

func TestUnknownKeysAreIgnored(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"user_id[]=user_a", "f e d c b a"},
		{"user_id%5B%5D=user_a", "f e d c b a"},
		{"user_id[0]=user_a&user_id[1]=user_b", "f e d c b a"},
		{"email_address[]=ada@example.com", "f e d c b a"},
		{"colour=blue", "f e d c b a"},
	})
}
