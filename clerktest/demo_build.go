package clerktest

import (
	"cmp"
	"strings"

	"github.com/workflowkit/clerk"
)

// demoBuilder assembles one demo user in steps, each adding one part, so
// that a demo user reads as a short chain of calls. Identifiers and
// accounts get their dates from the user's creation. Call name before
// oauth, and email before oauth, as the account copies both.
type demoBuilder struct {
	u    clerk.User
	seed string
}

// newDemoUser starts a user created at created (Unix ms), whose ids derive
// from seed.
func newDemoUser(seed string, created int64) *demoBuilder {
	id := demoID("user", seed)
	return &demoBuilder{seed: seed, u: clerk.User{
		ID:                            id,
		Object:                        "user",
		ProfileImageURL:               "https://www.gravatar.com/avatar?d=mp",
		ImageURL:                      "https://img.clerk.com/demo/" + id,
		PublicMetadata:                clerk.Metadata("{}"),
		PrivateMetadata:               clerk.Metadata("{}"),
		UnsafeMetadata:                clerk.Metadata("{}"),
		PasswordEnabled:               true,
		VerificationAttemptsRemaining: ptr(int64(100)),
		CreatedAt:                     created,
		DeleteSelfEnabled:             true,
		CreateOrganizationEnabled:     true,
	}}
}

// name sets the first and last name; "" leaves one null.
func (b *demoBuilder) name(first, last string) *demoBuilder {
	if first != "" {
		b.u.FirstName = ptr(first)
	}
	if last != "" {
		b.u.LastName = ptr(last)
	}
	return b
}

func (b *demoBuilder) username(name string) *demoBuilder {
	b.u.Username = ptr(name)
	return b
}

func (b *demoBuilder) externalID(id string) *demoBuilder {
	b.u.ExternalID = ptr(id)
	return b
}

// email adds an address verified by an emailed code; the first address
// added becomes the primary one.
func (b *demoBuilder) email(addr string) *demoBuilder {
	return b.addEmail(addr, b.otp("email_code", clerk.VerificationVerified))
}

// unverifiedEmail adds an address whose code was sent but not entered.
func (b *demoBuilder) unverifiedEmail(addr string) *demoBuilder {
	return b.addEmail(addr, b.otp("email_code", clerk.VerificationUnverified))
}

func (b *demoBuilder) addEmail(addr string, v *clerk.Verification) *demoBuilder {
	e := clerk.EmailAddress{
		ID:           demoID("idn", b.seed+"/email/"+addr),
		Object:       "email_address",
		EmailAddress: addr,
		Verification: v,
		LinkedTo:     []clerk.IdentificationLink{},
		CreatedAt:    b.u.CreatedAt,
		UpdatedAt:    b.u.CreatedAt,
	}
	if b.u.PrimaryEmailAddressID == nil {
		b.u.PrimaryEmailAddressID = ptr(e.ID)
	}
	b.u.EmailAddresses = append(b.u.EmailAddresses, e)
	return b
}

// phone adds a number in E.164 form, verified by SMS; the first becomes
// the primary one.
func (b *demoBuilder) phone(number string) *demoBuilder {
	v := b.otp("phone_code", clerk.VerificationVerified)
	v.Channel = ptr("sms")
	p := clerk.PhoneNumber{
		ID:           demoID("idn", b.seed+"/phone/"+number),
		Object:       "phone_number",
		PhoneNumber:  number,
		Verification: v,
		LinkedTo:     []clerk.IdentificationLink{},
		CreatedAt:    b.u.CreatedAt,
		UpdatedAt:    b.u.CreatedAt,
	}
	if b.u.PrimaryPhoneNumberID == nil {
		b.u.PrimaryPhoneNumberID = ptr(p.ID)
	}
	b.u.PhoneNumbers = append(b.u.PhoneNumbers, p)
	return b
}

// wallet adds a web3 wallet verified by a MetaMask signature; the first
// becomes the primary one.
func (b *demoBuilder) wallet(addr string) *demoBuilder {
	w := clerk.Web3Wallet{
		ID:         demoID("idn", b.seed+"/web3/"+addr),
		Object:     "web3_wallet",
		Web3Wallet: addr,
		Verification: &clerk.Verification{
			Object:   "verification_web3",
			Status:   clerk.VerificationVerified,
			Strategy: "web3_metamask_signature",
			Attempts: ptr(int64(1)),
			ExpireAt: ptr(b.u.CreatedAt + 10*minute),
		},
		CreatedAt: b.u.CreatedAt,
		UpdatedAt: b.u.CreatedAt,
	}
	if b.u.PrimaryWeb3WalletID == nil {
		b.u.PrimaryWeb3WalletID = ptr(w.ID)
	}
	b.u.Web3Wallets = append(b.u.Web3Wallets, w)
	return b
}

func (b *demoBuilder) otp(strategy string, status clerk.VerificationStatus) *clerk.Verification {
	return &clerk.Verification{
		Object:   "verification_otp",
		Status:   status,
		Strategy: strategy,
		Attempts: ptr(int64(1)),
		ExpireAt: ptr(b.u.CreatedAt + 10*minute),
	}
}

// oauth adds an external account of provider, such as "oauth_github",
// linked to the primary email address, which it then counts as verified
// by the provider.
func (b *demoBuilder) oauth(provider, providerUserID string) *demoBuilder {
	return b.addAccount("external_account", "eac", provider, providerUserID)
}

// legacyGoogle adds a Google account in the legacy form that old users
// still carry: object "google_account", provider "oauth_google".
func (b *demoBuilder) legacyGoogle(googleID string) *demoBuilder {
	return b.addAccount("google_account", "gac", "oauth_google", googleID)
}

func (b *demoBuilder) addAccount(object, prefix, provider, puid string) *demoBuilder {
	idn := demoID("idn", b.seed+"/"+provider)
	a := clerk.ExternalAccount{
		Object:           object,
		ID:               demoID(prefix, b.seed+"/"+provider),
		Provider:         provider,
		IdentificationID: idn,
		ProviderUserID:   puid,
		ApprovedScopes:   approvedScopes(provider),
		FirstName:        deref(b.u.FirstName),
		LastName:         deref(b.u.LastName),
		ImageURL:         ptr("https://img.clerk.com/demo/" + idn),
		Username:         b.u.Username,
		CreatedAt:        b.u.CreatedAt,
		UpdatedAt:        b.u.CreatedAt,
		Verification: &clerk.Verification{
			Object:   "verification_oauth",
			Status:   clerk.VerificationVerified,
			Strategy: provider,
			Attempts: nil,
			ExpireAt: ptr(b.u.CreatedAt + 10*minute),
		},
	}
	if len(b.u.EmailAddresses) > 0 {
		e := &b.u.EmailAddresses[0]
		e.LinkedTo = append(e.LinkedTo, clerk.IdentificationLink{Type: provider, ID: idn})
		e.Verification = &clerk.Verification{
			Object:   "verification_from_oauth",
			Status:   clerk.VerificationVerified,
			Strategy: "from_" + provider,
		}
		a.EmailAddress, a.EmailAddressVerified = e.EmailAddress, ptr(true)
	}
	b.u.ExternalAccounts = append(b.u.ExternalAccounts, a)
	return b
}

func approvedScopes(provider string) string {
	switch provider {
	case "oauth_google":
		return "email https://www.googleapis.com/auth/userinfo.email " +
			"https://www.googleapis.com/auth/userinfo.profile openid profile"
	case "oauth_github":
		return "read:user user:email"
	}
	return ""
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// metadata sets the three metadata objects from JSON text; "" keeps {}.
func (b *demoBuilder) metadata(public, private, unsafe string) *demoBuilder {
	for _, m := range []struct {
		dst *clerk.Metadata
		src string
	}{{&b.u.PublicMetadata, public}, {&b.u.PrivateMetadata, private},
		{&b.u.UnsafeMetadata, unsafe}} {
		if m.src != "" {
			*m.dst = clerk.Metadata(strings.TrimSpace(m.src))
		}
	}
	return b
}

// member adds a membership in org with role "admin" or "member".
func (b *demoBuilder) member(org clerk.Organization, role string) *demoBuilder {
	perms := []string{"org:sys_memberships:read"}
	if role == "admin" {
		perms = append(perms, "org:sys_memberships:manage", "org:sys_profile:manage",
			"org:sys_profile:delete", "org:sys_domains:read", "org:sys_domains:manage")
	}
	joined := max(b.u.CreatedAt, org.CreatedAt) + day
	b.u.Memberships = append(b.u.Memberships, clerk.OrganizationMembership{
		ID:             demoID("orgmem", b.seed+"/"+org.ID),
		Object:         "organization_membership",
		Role:           "org:" + role,
		RoleName:       strings.ToUpper(role[:1]) + role[1:],
		Permissions:    perms,
		PublicMetadata: clerk.Metadata("{}"),
		Organization:   org,
		CreatedAt:      joined,
		UpdatedAt:      joined,
	})
	return b
}

// seen sets when the user last signed in and was last active; a zero
// leaves the timestamp null, as for a user who never signed in.
func (b *demoBuilder) seen(signIn, active int64) *demoBuilder {
	if signIn != 0 {
		b.u.LastSignInAt = ptr(signIn)
	}
	if active != 0 {
		b.u.LastActiveAt = ptr(active)
	}
	return b
}

func (b *demoBuilder) banned() *demoBuilder {
	b.u.Banned = true
	return b
}

// locked locks the user for half an hour after too many failed attempts.
func (b *demoBuilder) locked() *demoBuilder {
	b.u.Locked = true
	b.u.LockoutExpiresInSeconds = ptr(int64(1800))
	b.u.VerificationAttemptsRemaining = ptr(int64(0))
	return b
}

// mfa turns on an authenticator app and backup codes.
func (b *demoBuilder) mfa() *demoBuilder {
	b.u.TwoFactorEnabled, b.u.TOTPEnabled, b.u.BackupCodeEnabled = true, true, true
	b.u.MFAEnabledAt = ptr(b.u.CreatedAt + 2*day)
	return b
}

// passkey adds a passkey last used at the last sign-in.
func (b *demoBuilder) passkey(name string) *demoBuilder {
	b.u.Passkeys = append(b.u.Passkeys, clerk.Passkey{
		ID:         demoID("pk", b.seed+"/"+name),
		Object:     "passkey",
		Name:       name,
		LastUsedAt: deref64(b.u.LastSignInAt, b.u.CreatedAt),
		Verification: &clerk.Verification{
			Object:   "verification_passkey",
			Status:   clerk.VerificationVerified,
			Strategy: "passkey",
		},
	})
	return b
}

func deref64(p *int64, def int64) int64 {
	if p == nil {
		return def
	}
	return *p
}

// build finishes the user: updated_at follows the last sign-in, and each
// membership gets the public data of its member.
func (b *demoBuilder) build() clerk.User {
	u := b.u
	u.UpdatedAt = max(u.CreatedAt, deref64(u.LastSignInAt, 0))
	for i := range u.Memberships {
		u.Memberships[i].PublicUserData = &clerk.PublicUserData{
			UserID:     u.ID,
			FirstName:  u.FirstName,
			LastName:   u.LastName,
			ImageURL:   u.ImageURL,
			Identifier: ptr(identifier(&u)),
			Username:   u.Username,
		}
	}
	return u
}

// identifier is the one identifier Clerk shows for a user: the primary
// email address, else the primary phone number, username or wallet.
func identifier(u *clerk.User) string {
	return cmp.Or(u.PrimaryEmailAddress(), u.PrimaryPhoneNumber(), deref(u.Username),
		u.PrimaryWeb3Wallet())
}

// demoOrganization returns an organization of the demo instance.
func demoOrganization(slug, name string, created int64, public string) clerk.Organization {
	return clerk.Organization{
		Object:                "organization",
		ID:                    demoID("org", slug),
		Name:                  name,
		Slug:                  slug,
		ImageURL:              "https://img.clerk.com/demo/" + slug,
		MaxAllowedMemberships: 100,
		AdminDeleteEnabled:    true,
		PublicMetadata:        clerk.Metadata(public),
		PrivateMetadata:       clerk.Metadata("{}"),
		CreatedAt:             created,
		UpdatedAt:             created,
	}
}
