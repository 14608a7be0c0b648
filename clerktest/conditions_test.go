package clerktest

import "testing"

func TestPrefixedIDFilters(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"user_id=user_a&user_id=user_c", "c a"},
		{"user_id=%2Buser_a", "a"},
		{"user_id=+user_a", ""}, // " user_a" matches nobody
		{"user_id=-user_a", "f e d c b"},
		{"user_id=-user_a&user_id=-user_f", "e d c b"},
		{"user_id=user_a&user_id=-user_a", ""},
		{"user_id=user_a&user_id=%2Buser_b&user_id=-user_c", "b a"},
		{"external_id=ext_ada", "a"},
		{"external_id=ext_ada&external_id=ext_e", "e a"},
		{"external_id=-ext_ada", "f e d c b"}, // null external ids are not excluded
		{"organization_id=org_1", "b a"},
		{"organization_id=org_1&organization_id=org_3", "f e b a"},
		{"organization_id=-org_2", "f e d a"},
		{"organization_id=org_1&organization_id=-org_2", "a"},
		{"organization_id=org_9", ""},
	})
}

func TestTimeWindows(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"created_at_after=2000", "f e d"},
		{"created_at_before=2000", "a"},
		{"created_at_after=1000&created_at_before=4000", "d c b"},
		{"created_at_after=5000", ""},
		{"last_sign_in_at_after=4000", "f e c"},
		{"last_sign_in_at_before=5000", "e a"},
		{"last_active_at_before=10000", "f e d c a"}, // b's null never matches
		{"last_active_at_after=5000", "f c"},
		{"last_active_at_since=5000", "f c"},
		{"last_active_at_since=5000&last_active_at_after=6000", "f"},
		{"last_active_at_since=6000&last_active_at_after=5000", "f"},
		{"last_sign_in_at_after=-1", "f e c a"},
	})
}

func TestProviderFilter(t *testing.T) {
	t.Parallel()
	runListCases(t, []listCase{
		{"provider=oauth_google&provider_user_id=g-ada", "a"},
		{"provider=oauth_google&provider_user_id=g-dev", "d"}, // legacy google_account
		{"provider=oauth_google&provider_user_id=g-ada&provider_user_id=g-dev", "d a"},
		{"provider=oauth_github&provider_user_id=g-ada", ""},
		{"provider=oauth_github&provider_user_id=gh-bob&provider_user_id=gh-eve", "e b"},
	})
}
