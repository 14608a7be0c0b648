package clerktest

import (
	"github.com/workflowkit/clerk"
)

// The builder below makes a user from its plan. It passes every value that
// varies within a shape through lv (see stencil.go) and branches on the
// shape alone, so that users of one shape read the same leaves in the same
// order. Lists the schema requires are empty rather than nil, as a client
// decodes them.

// build makes the user of pl, recording its leaves in lv, which may be
// nil.
func (p *population) build(pl *genPlan, lv *leaves) clerk.User {
	sh := pl.shape
	id := lv.str(pl.id)
	created := lv.num(pl.created)
	expire := lv.num(pl.created + 10*minute)

	u := clerk.User{
		ID:                        id,
		Object:                    "user",
		ProfileImageURL:           "https://www.gravatar.com/avatar?d=mp",
		ImageURL:                  "https://img.clerk.com/gen/" + id,
		PublicMetadata:            lv.raw(pl.public),
		PrivateMetadata:           lv.raw(pl.private),
		UnsafeMetadata:            lv.raw(pl.unsafe),
		Web3Wallets:               []clerk.Web3Wallet{},
		Passkeys:                  []clerk.Passkey{},
		SAMLAccounts:              []clerk.SAMLAccount{},
		EnterpriseAccounts:        []clerk.EnterpriseAccount{},
		PasswordEnabled:           sh.password,
		Banned:                    sh.banned,
		FirstName:                 lv.optStr(pl.first),
		LastName:                  lv.optStr(pl.last),
		ExternalID:                lv.optStr(pl.externalID),
		CreatedAt:                 created,
		UpdatedAt:                 lv.num(pl.updated),
		LastSignInAt:              lv.optNum(pl.signIn),
		LastActiveAt:              lv.optNum(pl.active),
		DeleteSelfEnabled:         true,
		CreateOrganizationEnabled: true,
	}
	if sh.username {
		u.Username = lv.strp(pl.username)
	}

	genEmails(&u, pl, lv, expire)
	genPhones(&u, pl, lv, expire)
	genAccounts(&u, pl, lv, expire)
	genSecurity(&u, pl, lv)
	p.genMemberships(&u, pl, lv)
	return u
}

// genEmails adds the addresses; the first is the primary one.
func genEmails(u *clerk.User, pl *genPlan, lv *leaves, expire int64) {
	primary := genEmail(pl.emails[0], lv, u.CreatedAt, expire, true)
	u.PrimaryEmailAddressID = ptr(primary.ID)
	u.EmailAddresses = []clerk.EmailAddress{primary}

	if pl.shape.secondEmail != noSecondEmail {
		verified := pl.shape.secondEmail == verifiedSecondEmail
		second := genEmail(pl.emails[1], lv, u.CreatedAt, expire, verified)
		u.EmailAddresses = append(u.EmailAddresses, second)
	}
}

func genEmail(e genIdent, lv *leaves, created, expire int64, verified bool) clerk.EmailAddress {
	status := clerk.VerificationUnverified
	if verified {
		status = clerk.VerificationVerified
	}
	return clerk.EmailAddress{
		ID:           lv.str(e.id),
		Object:       "email_address",
		EmailAddress: lv.str(e.value),
		Verification: genOTP("email_code", status, expire),
		LinkedTo:     []clerk.IdentificationLink{},
		CreatedAt:    created,
		UpdatedAt:    created,
	}
}

func genOTP(strategy string, status clerk.VerificationStatus, expire int64) *clerk.Verification {
	return &clerk.Verification{
		Object:   "verification_otp",
		Status:   status,
		Strategy: strategy,
		Attempts: ptr(int64(1)),
		ExpireAt: ptr(expire),
	}
}

// genPhones adds the phone number, verified by SMS, if the user has one.
func genPhones(u *clerk.User, pl *genPlan, lv *leaves, expire int64) {
	u.PhoneNumbers = []clerk.PhoneNumber{}
	if !pl.shape.phone {
		return
	}

	v := genOTP("phone_code", clerk.VerificationVerified, expire)
	v.Channel = ptr("sms")
	ph := clerk.PhoneNumber{
		ID:           lv.str(pl.phone.id),
		Object:       "phone_number",
		PhoneNumber:  lv.str(pl.phone.value),
		Verification: v,
		LinkedTo:     []clerk.IdentificationLink{},
		CreatedAt:    u.CreatedAt,
		UpdatedAt:    u.CreatedAt,
	}
	u.PrimaryPhoneNumberID = ptr(ph.ID)
	u.PhoneNumbers = append(u.PhoneNumbers, ph)
}

// genAccounts adds the Google and GitHub accounts.
func genAccounts(u *clerk.User, pl *genPlan, lv *leaves, expire int64) {
	u.ExternalAccounts = []clerk.ExternalAccount{}
	if pl.shape.google {
		addGenAccount(u, pl, "oauth_google", pl.google, lv, expire)
	}
	if pl.shape.github {
		addGenAccount(u, pl, "oauth_github", pl.github, lv, expire)
	}
}

// addGenAccount adds an account at provider, linked to the primary address,
// which then counts as verified by the first such provider.
func addGenAccount(u *clerk.User, pl *genPlan, provider string, a genAccount, lv *leaves,
	expire int64) {
	idn := lv.str(a.idn)
	e := &u.EmailAddresses[0]
	u.ExternalAccounts = append(u.ExternalAccounts, clerk.ExternalAccount{
		Object:               "external_account",
		ID:                   lv.str(a.id),
		Provider:             provider,
		IdentificationID:     idn,
		ProviderUserID:       lv.str(a.puid),
		ApprovedScopes:       approvedScopes(provider),
		EmailAddress:         e.EmailAddress,
		EmailAddressVerified: ptr(true),
		FirstName:            lv.str(pl.first),
		LastName:             lv.str(pl.last),
		ImageURL:             ptr("https://img.clerk.com/gen/" + idn),
		Username:             copyPtr(u.Username),
		PublicMetadata:       clerk.Metadata("{}"),
		CreatedAt:            u.CreatedAt,
		UpdatedAt:            u.CreatedAt,
		Verification: &clerk.Verification{
			Object:   "verification_oauth",
			Status:   clerk.VerificationVerified,
			Strategy: provider,
			ExpireAt: ptr(expire),
		},
	})

	e.LinkedTo = append(e.LinkedTo, clerk.IdentificationLink{Type: provider, ID: idn})
	if e.Verification.Object == "verification_otp" {
		e.Verification = &clerk.Verification{
			Object:   "verification_from_oauth",
			Status:   clerk.VerificationVerified,
			Strategy: "from_" + provider,
		}
	}
}

// genSecurity sets two-factor authentication, bans and locks.
func genSecurity(u *clerk.User, pl *genPlan, lv *leaves) {
	sh := pl.shape
	u.MFAEnabledAt = lv.optNum(pl.mfaAt)
	if sh.mfa {
		u.TwoFactorEnabled, u.TOTPEnabled, u.BackupCodeEnabled = true, true, true
	}

	u.VerificationAttemptsRemaining = ptr(int64(100))
	if sh.locked {
		u.Locked = true
		u.LockoutExpiresInSeconds = ptr(int64(1800))
		u.VerificationAttemptsRemaining = ptr(int64(0))
	}
}

// genMemberships adds the memberships, each with its organization and the
// user's public data.
func (p *population) genMemberships(u *clerk.User, pl *genPlan, lv *leaves) {
	for k, m := range pl.members() {
		role, roleName := "org:member", "Member"
		perms := []string{"org:sys_memberships:read"}
		if pl.shape.roles[k] == adminRole {
			role, roleName = "org:admin", "Admin"
			perms = append(perms, "org:sys_memberships:manage", "org:sys_profile:manage",
				"org:sys_profile:delete", "org:sys_domains:read", "org:sys_domains:manage")
		}

		joined := lv.num(m.joined)
		u.Memberships = append(u.Memberships, clerk.OrganizationMembership{
			ID:             lv.str(m.id),
			Object:         "organization_membership",
			Role:           role,
			RoleName:       roleName,
			Permissions:    perms,
			PublicMetadata: clerk.Metadata("{}"),
			Organization:   genOrganization(p.orgs[m.org], lv),
			PublicUserData: &clerk.PublicUserData{
				UserID:     u.ID,
				FirstName:  copyPtr(u.FirstName),
				LastName:   copyPtr(u.LastName),
				ImageURL:   u.ImageURL,
				Identifier: ptr(u.EmailAddresses[0].EmailAddress),
				Username:   copyPtr(u.Username),
			},
			CreatedAt: joined,
			UpdatedAt: joined,
		})
	}
}

// genOrganization is org as a membership embeds it.
func genOrganization(org genOrg, lv *leaves) clerk.Organization {
	slug := lv.str(org.slug)
	created := lv.num(org.created)
	return clerk.Organization{
		Object:                "organization",
		ID:                    lv.str(org.id),
		Name:                  lv.str(org.name),
		Slug:                  slug,
		ImageURL:              "https://img.clerk.com/gen/" + slug,
		MembersCount:          lv.num(org.members),
		MaxAllowedMemberships: 100,
		AdminDeleteEnabled:    true,
		PublicMetadata:        lv.raw(org.public),
		PrivateMetadata:       clerk.Metadata("{}"),
		CreatedAt:             created,
		UpdatedAt:             created,
	}
}
