package clerk

import "github.com/workflowkit/clerk/internal/jsonobj"

// ExternalAccount is a user's account at an OAuth provider, such as
// "oauth_google". Legacy users may carry Object "google_account" or
// "facebook_account" instead of "external_account".
type ExternalAccount struct {
	Object               string `json:"object"`
	ID                   string `json:"id"`
	Provider             string `json:"provider"`
	IdentificationID     string `json:"identification_id"`
	ProviderUserID       string `json:"provider_user_id"`
	ApprovedScopes       string `json:"approved_scopes"`
	EmailAddress         string `json:"email_address"`
	EmailAddressVerified *bool  `json:"email_address_verified,omitempty"`
	FirstName            string `json:"first_name"`
	LastName             string `json:"last_name"`
	// AvatarURL is deprecated by Clerk; use ImageURL.
	AvatarURL      string        `json:"avatar_url,omitempty"`
	ImageURL       *string       `json:"image_url,omitempty"`
	Username       *string       `json:"username,omitempty"`
	PhoneNumber    *string       `json:"phone_number,omitempty"`
	PublicMetadata Metadata      `json:"public_metadata"`
	Label          *string       `json:"label,omitempty"`
	CreatedAt      int64         `json:"created_at"`
	UpdatedAt      int64         `json:"updated_at"`
	Verification   *Verification `json:"verification"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// SAMLAccount is a user's account at a SAML identity provider.
type SAMLAccount struct {
	ID                  string          `json:"id"`
	Object              string          `json:"object"`
	Provider            string          `json:"provider"`
	Active              bool            `json:"active"`
	EmailAddress        string          `json:"email_address"`
	FirstName           *string         `json:"first_name,omitempty"`
	LastName            *string         `json:"last_name,omitempty"`
	ProviderUserID      *string         `json:"provider_user_id,omitempty"`
	LastAuthenticatedAt *int64          `json:"last_authenticated_at,omitempty"`
	PublicMetadata      Metadata        `json:"public_metadata,omitempty"`
	Verification        *Verification   `json:"verification"`
	SAMLConnection      *SAMLConnection `json:"saml_connection,omitempty"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// SAMLConnection is the SAML connection a SAMLAccount belongs to.
type SAMLConnection struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Domain is deprecated by Clerk; use Domains.
	Domain string `json:"domain,omitempty"`
	// Domains is tagged as required: the schema requires domain or
	// domains, so a value built in Go writes domains, as [] when empty.
	Domains                          []string `json:"domains"`
	Active                           bool     `json:"active"`
	Provider                         string   `json:"provider"`
	SyncUserAttributes               bool     `json:"sync_user_attributes"`
	AllowSubdomains                  bool     `json:"allow_subdomains,omitempty"`
	AllowIdPInitiated                bool     `json:"allow_idp_initiated,omitempty"`
	DisableAdditionalIdentifications bool     `json:"disable_additional_identifications,omitempty"`
	CreatedAt                        int64    `json:"created_at"`
	UpdatedAt                        int64    `json:"updated_at"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// EnterpriseAccount is a user's account at an enterprise connection,
// over OAuth or SAML.
type EnterpriseAccount struct {
	ID                     string                `json:"id"`
	Object                 string                `json:"object"`
	Protocol               string                `json:"protocol,omitempty"`
	Provider               string                `json:"provider"`
	Active                 bool                  `json:"active"`
	EmailAddress           string                `json:"email_address"`
	FirstName              *string               `json:"first_name,omitempty"`
	LastName               *string               `json:"last_name,omitempty"`
	ProviderUserID         *string               `json:"provider_user_id,omitempty"`
	EnterpriseConnectionID *string               `json:"enterprise_connection_id,omitempty"`
	PublicMetadata         Metadata              `json:"public_metadata,omitempty"`
	Verification           *Verification         `json:"verification"`
	EnterpriseConnection   *EnterpriseConnection `json:"enterprise_connection,omitempty"`
	LastAuthenticatedAt    *int64                `json:"last_authenticated_at,omitempty"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// EnterpriseConnection is the connection an EnterpriseAccount belongs to.
type EnterpriseConnection struct {
	ID            string  `json:"id"`
	Protocol      string  `json:"protocol"`
	Provider      string  `json:"provider"`
	Name          string  `json:"name"`
	LogoPublicURL *string `json:"logo_public_url"`
	// Domain is deprecated by Clerk; use Domains.
	Domain string `json:"domain,omitempty"`
	// Domains is tagged as required: the schema requires domain or
	// domains, so a value built in Go writes domains, as [] when empty.
	Domains                          []string `json:"domains"`
	Active                           bool     `json:"active"`
	SyncUserAttributes               bool     `json:"sync_user_attributes"`
	AllowSubdomains                  bool     `json:"allow_subdomains"`
	AllowIdPInitiated                bool     `json:"allow_idp_initiated"`
	DisableAdditionalIdentifications bool     `json:"disable_additional_identifications"`
	CreatedAt                        int64    `json:"created_at"`
	UpdatedAt                        int64    `json:"updated_at"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

var (
	externalAccountTable   = jsonobj.NewTable[ExternalAccount]()
	samlAccountTable       = jsonobj.NewTable[SAMLAccount]()
	samlConnectionTable    = jsonobj.NewTable[SAMLConnection]()
	enterpriseAccountTable = jsonobj.NewTable[EnterpriseAccount]()
	enterpriseConnTable    = jsonobj.NewTable[EnterpriseConnection]()
)

// UnmarshalJSON decodes the object, keeping unknown members.
func (a *ExternalAccount) UnmarshalJSON(data []byte) error {
	return models.Decode(data, a)
}

// MarshalJSON encodes the object as Clerk does.
func (a ExternalAccount) MarshalJSON() ([]byte, error) {
	type plain ExternalAccount
	return externalAccountTable.Encode(plain(a), a.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (a *SAMLAccount) UnmarshalJSON(data []byte) error {
	return models.Decode(data, a)
}

// MarshalJSON encodes the object as Clerk does.
func (a SAMLAccount) MarshalJSON() ([]byte, error) {
	type plain SAMLAccount
	return samlAccountTable.Encode(plain(a), a.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (c *SAMLConnection) UnmarshalJSON(data []byte) error {
	return models.Decode(data, c)
}

// MarshalJSON encodes the object as Clerk does.
func (c SAMLConnection) MarshalJSON() ([]byte, error) {
	type plain SAMLConnection
	return samlConnectionTable.Encode(plain(c), c.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (a *EnterpriseAccount) UnmarshalJSON(data []byte) error {
	return models.Decode(data, a)
}

// MarshalJSON encodes the object as Clerk does.
func (a EnterpriseAccount) MarshalJSON() ([]byte, error) {
	type plain EnterpriseAccount
	return enterpriseAccountTable.Encode(plain(a), a.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (c *EnterpriseConnection) UnmarshalJSON(data []byte) error {
	return models.Decode(data, c)
}

// MarshalJSON encodes the object as Clerk does.
func (c EnterpriseConnection) MarshalJSON() ([]byte, error) {
	type plain EnterpriseConnection
	return enterpriseConnTable.Encode(plain(c), c.Extra.state())
}
