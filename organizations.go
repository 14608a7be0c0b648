package clerk

import "github.com/workflowkit/clerk/internal/jsonobj"

// OrganizationMembership is a user's membership in one organization.
type OrganizationMembership struct {
	ID              string          `json:"id"`
	Object          string          `json:"object"`
	Role            string          `json:"role"`
	RoleName        string          `json:"role_name,omitempty"`
	Permissions     []string        `json:"permissions"`
	PublicMetadata  Metadata        `json:"public_metadata"`
	PrivateMetadata Metadata        `json:"private_metadata,omitempty"`
	Organization    Organization    `json:"organization"`
	PublicUserData  *PublicUserData `json:"public_user_data,omitempty"`
	CreatedAt       int64           `json:"created_at"`
	UpdatedAt       int64           `json:"updated_at"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// Organization is a Clerk organization, as embedded in a membership.
type Organization struct {
	Object       string `json:"object"`
	ID           string `json:"id"`
	Name         string `json:"name"`
	Slug         string `json:"slug"`
	ImageURL     string `json:"image_url,omitempty"`
	HasImage     bool   `json:"has_image"`
	MembersCount int64  `json:"members_count,omitempty"`
	// MissingMemberWithElevatedPermissions tells that the organization has
	// no member with elevated permissions, such as an admin.
	MissingMemberWithElevatedPermissions bool `json:"missing_member_with_elevated_permissions,omitempty"`

	PendingInvitationsCount int64    `json:"pending_invitations_count,omitempty"`
	MaxAllowedMemberships   int64    `json:"max_allowed_memberships"`
	AdminDeleteEnabled      bool     `json:"admin_delete_enabled"`
	PublicMetadata          Metadata `json:"public_metadata"`
	PrivateMetadata         Metadata `json:"private_metadata,omitempty"`
	CreatedBy               string   `json:"created_by,omitempty"`
	CreatedAt               int64    `json:"created_at"`
	UpdatedAt               int64    `json:"updated_at"`
	LastActiveAt            int64    `json:"last_active_at,omitempty"`
	RoleSetKey              *string  `json:"role_set_key,omitempty"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// PublicUserData is the part of a user that organization members see.
type PublicUserData struct {
	UserID    string  `json:"user_id"`
	FirstName *string `json:"first_name"`
	LastName  *string `json:"last_name"`
	// ProfileImageURL is deprecated by Clerk; use ImageURL.
	ProfileImageURL *string `json:"profile_image_url"`
	ImageURL        string  `json:"image_url"`
	HasImage        bool    `json:"has_image"`
	Identifier      *string `json:"identifier,omitempty"`
	Username        *string `json:"username,omitempty"`
	Banned          bool    `json:"banned,omitempty"`
	Deprovisioned   bool    `json:"deprovisioned,omitempty"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// SCIMUserMetadata says which SCIM directory provisioned a user.
type SCIMUserMetadata struct {
	DirectoryID      string  `json:"directory_id"`
	DirectoryEnabled bool    `json:"directory_enabled,omitempty"`
	ExternalID       *string `json:"external_id"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

var (
	membershipTable     = jsonobj.NewTable[OrganizationMembership]()
	organizationTable   = jsonobj.NewTable[Organization]()
	publicUserDataTable = jsonobj.NewTable[PublicUserData]()
	scimTable           = jsonobj.NewTable[SCIMUserMetadata]()
)

// UnmarshalJSON decodes the object, keeping unknown members.
func (m *OrganizationMembership) UnmarshalJSON(data []byte) error {
	return models.Decode(data, m)
}

// MarshalJSON encodes the object as Clerk does.
func (m OrganizationMembership) MarshalJSON() ([]byte, error) {
	type plain OrganizationMembership
	return membershipTable.Encode(plain(m), m.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (o *Organization) UnmarshalJSON(data []byte) error {
	return models.Decode(data, o)
}

// MarshalJSON encodes the object as Clerk does.
func (o Organization) MarshalJSON() ([]byte, error) {
	type plain Organization
	return organizationTable.Encode(plain(o), o.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (p *PublicUserData) UnmarshalJSON(data []byte) error {
	return models.Decode(data, p)
}

// MarshalJSON encodes the object as Clerk does.
func (p PublicUserData) MarshalJSON() ([]byte, error) {
	type plain PublicUserData
	return publicUserDataTable.Encode(plain(p), p.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (s *SCIMUserMetadata) UnmarshalJSON(data []byte) error {
	return models.Decode(data, s)
}

// MarshalJSON encodes the object as Clerk does.
func (s SCIMUserMetadata) MarshalJSON() ([]byte, error) {
	type plain SCIMUserMetadata
	return scimTable.Encode(plain(s), s.Extra.state())
}
