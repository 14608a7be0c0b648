package clerktest

import (
	"strings"

	"github.com/workflowkit/clerk"
)

// The builders below make a user and its parts from a plan. Each passes
// every value that varies within its shape through lv (see stencil.go)
// and branches on its shape alone, so that values of one shape read the
// same leaves in the same order. Lists the schema requires are empty
// rather than nil, as a client decodes them.

// Shapes: what fixes the layout of the JSON of a user's own members, of
// an email address, of a phone number, of an external account and of a
// membership.
type (
	userShape struct {
		password, mfa, banned, locked, members bool
	}
	emailShape struct {
		verified bool
		linked   string // the providers of the accounts linked, joined by ","
	}
	phoneShape   struct{}
	accountShape struct {
		provider string
		username bool
	}
	memberShape struct{ admin, username bool }
)

// shape returns the shape of pl's user.
func (pl *genPlan) shape() userShape {
	return userShape{password: pl.password, mfa: pl.mfaAt != 0, banned: pl.banned,
		locked: pl.locked, members: len(pl.members) > 0}
}

// build makes the user of pl, recording its leaves in lv and encoding its
// lists with enc; both may be nil.
func (p *population) build(pl *genPlan, lv *leaves, enc stencils) clerk.User {
	sh := pl.shape()
	id := lv.str(pl.id)
	u := clerk.User{
		ID:                            id,
		Object:                        "user",
		ExternalID:                    lv.optStr(pl.externalID),
		PrimaryEmailAddressID:         ptr(lv.str(pl.emails[0].id)),
		PrimaryPhoneNumberID:          lv.optStr(pl.phone.id),
		Username:                      lv.optStr(pl.username),
		FirstName:                     lv.optStr(pl.first),
		LastName:                      lv.optStr(pl.last),
		ProfileImageURL:               "https://www.gravatar.com/avatar?d=mp",
		ImageURL:                      "https://img.clerk.com/gen/" + id,
		PublicMetadata:                lv.raw(pl.public),
		PrivateMetadata:               lv.raw(pl.private),
		UnsafeMetadata:                lv.raw(pl.unsafe),
		EmailAddresses:                genEmails(pl, lv, enc),
		PhoneNumbers:                  genPhones(pl, lv, enc),
		Web3Wallets:                   []clerk.Web3Wallet{},
		Passkeys:                      []clerk.Passkey{},
		ExternalAccounts:              genAccounts(pl, lv, enc),
		SAMLAccounts:                  []clerk.SAMLAccount{},
		EnterpriseAccounts:            []clerk.EnterpriseAccount{},
		PasswordEnabled:               sh.password,
		TwoFactorEnabled:              sh.mfa,
		TOTPEnabled:                   sh.mfa,
		BackupCodeEnabled:             sh.mfa,
		MFAEnabledAt:                  lv.optNum(pl.mfaAt),
		Banned:                        sh.banned,
		VerificationAttemptsRemaining: ptr(int64(100)),
		CreatedAt:                     lv.num(pl.created),
		UpdatedAt:                     lv.num(pl.updated),
		LastSignInAt:                  lv.optNum(pl.signIn),
		LastActiveAt:                  lv.optNum(pl.active),
		DeleteSelfEnabled:             true,
		CreateOrganizationEnabled:     true,
	}
	if sh.locked {
		u.Locked = true
		u.LockoutExpiresInSeconds = ptr(int64(1800))
		u.VerificationAttemptsRemaining = ptr(int64(0))
	}
	if sh.members {
		u.Memberships = p.genMemberships(pl, lv, enc)
	}
	return u
}

// genList builds the n elements of a list with build, which makes element
// i from the leaves it is given, and records the list in lv, its JSON made
// by enc with the stencil of shape(i) for element i.
func genList[T any](lv *leaves, enc stencils, n int, shape func(i int) any,
	build func(i int, lv *leaves) T, mark func(string) T) []T {
	items := make([]T, n)
	if lv == nil || lv.proto || enc == nil {
		// No JSON is wanted, or a prototype's list is a marker.
		for i := range items {
			items[i] = build(i, nil)
		}
		return list(lv, items, nil, mark)
	}

	raw := append(make([]byte, 0, 2+1024*n), '[')
	elv := &leaves{}
	for i := range items {
		elv.vals = elv.vals[:0]
		items[i] = build(i, elv)
		if i > 0 {
			raw = append(raw, ',')
		}
		st := enc.get(shape(i), func(proto *leaves) any { return build(i, proto) })
		raw = st.fill(raw, elv.vals)
	}
	return list(lv, items, append(raw, ']'), mark)
}

// genLink is an external account an email address is linked to.
type genLink struct{ provider, idn string }

// links returns the accounts of pl, which are linked to its primary
// address.
func (pl *genPlan) links() []genLink {
	var out []genLink
	for _, a := range []struct {
		provider string
		acc      genAccount
	}{{"oauth_google", pl.google}, {"oauth_github", pl.github}} {
		if a.acc.id != "" {
			out = append(out, genLink{a.provider, a.acc.idn})
		}
	}
	return out
}

// genEmails makes the addresses: the primary one, verified by code or by
// the first account linked to it, and maybe a second one.
func genEmails(pl *genPlan, lv *leaves, enc stencils) []clerk.EmailAddress {
	n := 1
	if pl.emails[1].id != "" {
		n = 2
	}
	links := pl.links()
	var linked []string
	for _, l := range links {
		linked = append(linked, l.provider)
	}
	shapes := [2]emailShape{{verified: true, linked: strings.Join(linked, ",")},
		{verified: pl.secondVerified}}

	return genList(lv, enc, n, func(i int) any { return shapes[i] },
		func(i int, lv *leaves) clerk.EmailAddress {
			if i == 0 {
				return genEmail(pl, pl.emails[0], true, links, lv)
			}
			return genEmail(pl, pl.emails[1], pl.secondVerified, nil, lv)
		},
		func(s string) clerk.EmailAddress { return clerk.EmailAddress{ID: s} })
}

func genEmail(pl *genPlan, e genIdent, verified bool, links []genLink,
	lv *leaves) clerk.EmailAddress {
	created := lv.num(pl.created)
	em := clerk.EmailAddress{
		ID:           lv.str(e.id),
		Object:       "email_address",
		EmailAddress: lv.str(e.value),
		LinkedTo:     []clerk.IdentificationLink{},
		CreatedAt:    created,
		UpdatedAt:    created,
	}
	for _, l := range links {
		em.LinkedTo = append(em.LinkedTo, clerk.IdentificationLink{Type: l.provider,
			ID: lv.str(l.idn)})
	}

	if len(links) > 0 {
		em.Verification = &clerk.Verification{
			Object:   "verification_from_oauth",
			Status:   clerk.VerificationVerified,
			Strategy: "from_" + links[0].provider,
		}
		return em
	}
	status := clerk.VerificationUnverified
	if verified {
		status = clerk.VerificationVerified
	}
	em.Verification = genOTP("email_code", status, lv.num(pl.created+10*minute))
	return em
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

// genPhones makes the phone number, verified by SMS, if the user has one.
func genPhones(pl *genPlan, lv *leaves, enc stencils) []clerk.PhoneNumber {
	n := 0
	if pl.phone.id != "" {
		n = 1
	}
	return genList(lv, enc, n, func(int) any { return phoneShape{} },
		func(_ int, lv *leaves) clerk.PhoneNumber {
			created := lv.num(pl.created)
			v := genOTP("phone_code", clerk.VerificationVerified,
				lv.num(pl.created+10*minute))
			v.Channel = ptr("sms")
			return clerk.PhoneNumber{
				ID:           lv.str(pl.phone.id),
				Object:       "phone_number",
				PhoneNumber:  lv.str(pl.phone.value),
				Verification: v,
				LinkedTo:     []clerk.IdentificationLink{},
				CreatedAt:    created,
				UpdatedAt:    created,
			}
		},
		func(s string) clerk.PhoneNumber { return clerk.PhoneNumber{ID: s} })
}

// genAccounts makes the Google and GitHub accounts.
func genAccounts(pl *genPlan, lv *leaves, enc stencils) []clerk.ExternalAccount {
	links := pl.links()
	return genList(lv, enc, len(links), func(i int) any {
		return accountShape{provider: links[i].provider, username: pl.username != ""}
	}, func(i int, lv *leaves) clerk.ExternalAccount {
		a := pl.google
		if links[i].provider == "oauth_github" {
			a = pl.github
		}
		return genExternalAccount(pl, links[i].provider, a, lv)
	}, func(s string) clerk.ExternalAccount { return clerk.ExternalAccount{ID: s} })
}

func genExternalAccount(pl *genPlan, provider string, a genAccount,
	lv *leaves) clerk.ExternalAccount {
	idn, created := lv.str(a.idn), lv.num(pl.created)
	ea := clerk.ExternalAccount{
		Object:               "external_account",
		ID:                   lv.str(a.id),
		Provider:             provider,
		IdentificationID:     idn,
		ProviderUserID:       lv.str(a.puid),
		ApprovedScopes:       approvedScopes(provider),
		EmailAddress:         lv.str(pl.emails[0].value),
		EmailAddressVerified: ptr(true),
		FirstName:            lv.str(pl.first),
		LastName:             lv.str(pl.last),
		ImageURL:             ptr("https://img.clerk.com/gen/" + idn),
		PublicMetadata:       clerk.Metadata("{}"),
		CreatedAt:            created,
		UpdatedAt:            created,
		Verification: &clerk.Verification{
			Object:   "verification_oauth",
			Status:   clerk.VerificationVerified,
			Strategy: provider,
			ExpireAt: ptr(lv.num(pl.created + 10*minute)),
		},
	}
	if pl.username != "" {
		ea.Username = lv.strp(pl.username)
	}
	return ea
}

// genMemberships makes the memberships, each with its organization and
// the user's public data.
func (p *population) genMemberships(pl *genPlan, lv *leaves,
	enc stencils) []clerk.OrganizationMembership {
	return genList(lv, enc, len(pl.members), func(i int) any {
		return memberShape{admin: pl.members[i].admin, username: pl.username != ""}
	}, func(i int, lv *leaves) clerk.OrganizationMembership {
		return p.genMembership(pl, pl.members[i], lv)
	}, func(s string) clerk.OrganizationMembership {
		return clerk.OrganizationMembership{ID: s}
	})
}

func (p *population) genMembership(pl *genPlan, m genMember,
	lv *leaves) clerk.OrganizationMembership {
	role, roleName := "org:member", "Member"
	perms := []string{"org:sys_memberships:read"}
	if m.admin {
		role, roleName = "org:admin", "Admin"
		perms = append(perms, "org:sys_memberships:manage", "org:sys_profile:manage",
			"org:sys_profile:delete", "org:sys_domains:read", "org:sys_domains:manage")
	}

	joined, userID := lv.num(m.joined), lv.str(pl.id)
	om := clerk.OrganizationMembership{
		ID:             lv.str(m.id),
		Object:         "organization_membership",
		Role:           role,
		RoleName:       roleName,
		Permissions:    perms,
		PublicMetadata: clerk.Metadata("{}"),
		Organization:   genOrganization(p.orgs[m.org], lv),
		PublicUserData: &clerk.PublicUserData{
			UserID:     userID,
			FirstName:  lv.optStr(pl.first),
			LastName:   lv.optStr(pl.last),
			ImageURL:   "https://img.clerk.com/gen/" + userID,
			Identifier: ptr(lv.str(pl.emails[0].value)),
		},
		CreatedAt: joined,
		UpdatedAt: joined,
	}
	if pl.username != "" {
		om.PublicUserData.Username = lv.strp(pl.username)
	}
	return om
}

// genOrganization is org as a membership embeds it.
func genOrganization(org genOrg, lv *leaves) clerk.Organization {
	slug, created := lv.str(org.slug), lv.num(org.created)
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
