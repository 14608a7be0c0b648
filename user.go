package clerk

import (
	"time"

	"github.com/workflowkit/clerk/internal/jsonobj"
)

// User is a Clerk user as the Backend API returns it, with every property
// of the published User schema. Fields tagged without omitempty are
// required by the schema; pointer fields are the ones Clerk may send as
// null. Timestamps are Unix milliseconds, as Clerk sends them; the methods
// CreatedTime, LastSignInTime and friends convert them.
//
// Decoding and re-encoding a User gives back the same JSON: properties this
// library does not know yet are kept in Extra.Unknown, and a property that
// was absent is not invented. A change to a typed field shows in the
// encoding.
type User struct {
	ID                    string  `json:"id"`
	Object                string  `json:"object"`
	ExternalID            *string `json:"external_id"`
	PrimaryEmailAddressID *string `json:"primary_email_address_id"`
	PrimaryPhoneNumberID  *string `json:"primary_phone_number_id"`
	PrimaryWeb3WalletID   *string `json:"primary_web3_wallet_id"`
	Username              *string `json:"username"`
	FirstName             *string `json:"first_name"`
	LastName              *string `json:"last_name"`
	Locale                *string `json:"locale,omitempty"`

	// ProfileImageURL is deprecated by Clerk; use ImageURL.
	ProfileImageURL string `json:"profile_image_url,omitempty"`
	ImageURL        string `json:"image_url,omitempty"`
	HasImage        bool   `json:"has_image"`

	PublicMetadata  Metadata `json:"public_metadata"`
	PrivateMetadata Metadata `json:"private_metadata,omitempty"`
	UnsafeMetadata  Metadata `json:"unsafe_metadata,omitempty"`

	EmailAddresses     []EmailAddress           `json:"email_addresses"`
	PhoneNumbers       []PhoneNumber            `json:"phone_numbers"`
	Web3Wallets        []Web3Wallet             `json:"web3_wallets"`
	Passkeys           []Passkey                `json:"passkeys"`
	ExternalAccounts   []ExternalAccount        `json:"external_accounts"`
	SAMLAccounts       []SAMLAccount            `json:"saml_accounts"`
	EnterpriseAccounts []EnterpriseAccount      `json:"enterprise_accounts"`
	Memberships        []OrganizationMembership `json:"organization_memberships,omitempty"`

	PasswordEnabled       bool   `json:"password_enabled"`
	TwoFactorEnabled      bool   `json:"two_factor_enabled"`
	TOTPEnabled           bool   `json:"totp_enabled"`
	BackupCodeEnabled     bool   `json:"backup_code_enabled"`
	MFAEnabledAt          *int64 `json:"mfa_enabled_at"`
	MFADisabledAt         *int64 `json:"mfa_disabled_at"`
	PasswordLastUpdatedAt *int64 `json:"password_last_updated_at,omitempty"`

	Banned        bool `json:"banned"`
	Locked        bool `json:"locked"`
	Deprovisioned bool `json:"deprovisioned,omitempty"`
	// LockoutExpiresInSeconds is how long a locked user stays locked.
	LockoutExpiresInSeconds       *int64 `json:"lockout_expires_in_seconds"`
	VerificationAttemptsRemaining *int64 `json:"verification_attempts_remaining"`

	CreatedAt       int64  `json:"created_at"`
	UpdatedAt       int64  `json:"updated_at"`
	LastSignInAt    *int64 `json:"last_sign_in_at"`
	LastActiveAt    *int64 `json:"last_active_at"`
	LegalAcceptedAt *int64 `json:"legal_accepted_at"`

	DeleteSelfEnabled         bool   `json:"delete_self_enabled"`
	CreateOrganizationEnabled bool   `json:"create_organization_enabled"`
	CreateOrganizationsLimit  *int64 `json:"create_organizations_limit,omitempty"`
	BypassClientTrust         bool   `json:"bypass_client_trust,omitempty"`

	SCIM *SCIMUserMetadata `json:"scim,omitempty"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

var userTable = jsonobj.NewTable[User]()

// UnmarshalJSON decodes a user, remembering absent members and keeping
// unknown ones.
func (u *User) UnmarshalJSON(data []byte) error {
	return models.Decode(data, u)
}

// MarshalJSON encodes a user as Clerk does.
func (u User) MarshalJSON() ([]byte, error) {
	type plain User
	return userTable.Encode(plain(u), u.Extra.state())
}

// CreatedTime is CreatedAt as a time in UTC.
func (u *User) CreatedTime() time.Time { return msTime(u.CreatedAt) }

// LastSignInTime is LastSignInAt as a time, or the zero time when the user
// never signed in.
func (u *User) LastSignInTime() time.Time { return msTimePtr(u.LastSignInAt) }

// LastActiveTime is LastActiveAt as a time, or the zero time when Clerk has
// no activity for the user.
func (u *User) LastActiveTime() time.Time { return msTimePtr(u.LastActiveAt) }

// PrimaryEmailAddress returns the address PrimaryEmailAddressID points at,
// or "" when there is none.
func (u *User) PrimaryEmailAddress() string {
	for _, e := range u.EmailAddresses {
		if u.PrimaryEmailAddressID != nil && e.ID == *u.PrimaryEmailAddressID {
			return e.EmailAddress
		}
	}
	return ""
}

// PrimaryPhoneNumber returns the number PrimaryPhoneNumberID points at, or
// "" when there is none.
func (u *User) PrimaryPhoneNumber() string {
	for _, p := range u.PhoneNumbers {
		if u.PrimaryPhoneNumberID != nil && p.ID == *u.PrimaryPhoneNumberID {
			return p.PhoneNumber
		}
	}
	return ""
}

// PrimaryWeb3Wallet returns the wallet PrimaryWeb3WalletID points at, or ""
// when there is none.
func (u *User) PrimaryWeb3Wallet() string {
	for _, w := range u.Web3Wallets {
		if u.PrimaryWeb3WalletID != nil && w.ID == *u.PrimaryWeb3WalletID {
			return w.Web3Wallet
		}
	}
	return ""
}

func msTime(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

func msTimePtr(ms *int64) time.Time {
	if ms == nil {
		return time.Time{}
	}
	return msTime(*ms)
}
