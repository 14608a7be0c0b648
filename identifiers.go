package clerk

import "github.com/workflowkit/clerk/internal/jsonobj"

// EmailAddress is one of a user's email addresses.
type EmailAddress struct {
	ID           string        `json:"id,omitempty"`
	Object       string        `json:"object"`
	EmailAddress string        `json:"email_address"`
	Reserved     bool          `json:"reserved"`
	Verification *Verification `json:"verification"`
	// LinkedTo lists the external accounts this address came from.
	LinkedTo             []IdentificationLink `json:"linked_to"`
	MatchesSSOConnection bool                 `json:"matches_sso_connection,omitempty"`
	CreatedAt            int64                `json:"created_at"`
	UpdatedAt            int64                `json:"updated_at"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// PhoneNumber is one of a user's phone numbers, in E.164 form.
type PhoneNumber struct {
	ID                      string               `json:"id,omitempty"`
	Object                  string               `json:"object"`
	PhoneNumber             string               `json:"phone_number"`
	ReservedForSecondFactor bool                 `json:"reserved_for_second_factor,omitempty"`
	DefaultSecondFactor     bool                 `json:"default_second_factor,omitempty"`
	Reserved                bool                 `json:"reserved"`
	Verification            *Verification        `json:"verification"`
	LinkedTo                []IdentificationLink `json:"linked_to"`
	BackupCodes             []string             `json:"backup_codes,omitempty"`
	CreatedAt               int64                `json:"created_at"`
	UpdatedAt               int64                `json:"updated_at"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// Web3Wallet is one of a user's web3 wallet addresses.
type Web3Wallet struct {
	ID           string        `json:"id,omitempty"`
	Object       string        `json:"object"`
	Web3Wallet   string        `json:"web3_wallet"`
	Verification *Verification `json:"verification"`
	CreatedAt    int64         `json:"created_at"`
	UpdatedAt    int64         `json:"updated_at"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// Passkey is one of a user's passkeys.
type Passkey struct {
	ID           string        `json:"id,omitempty"`
	Object       string        `json:"object"`
	Name         string        `json:"name"`
	LastUsedAt   int64         `json:"last_used_at"`
	Verification *Verification `json:"verification"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// IdentificationLink ties an identifier to the external account it came
// from; Type is the provider, such as "oauth_google".
type IdentificationLink struct {
	Type string `json:"type"`
	ID   string `json:"id"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

var (
	emailAddressTable = jsonobj.NewTable[EmailAddress]()
	phoneNumberTable  = jsonobj.NewTable[PhoneNumber]()
	web3WalletTable   = jsonobj.NewTable[Web3Wallet]()
	passkeyTable      = jsonobj.NewTable[Passkey]()
	idLinkTable       = jsonobj.NewTable[IdentificationLink]()
)

// UnmarshalJSON decodes the object, keeping unknown members.
func (e *EmailAddress) UnmarshalJSON(data []byte) error {
	return models.Decode(data, e)
}

// MarshalJSON encodes the object as Clerk does.
func (e EmailAddress) MarshalJSON() ([]byte, error) {
	type plain EmailAddress
	return emailAddressTable.Encode(plain(e), e.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (p *PhoneNumber) UnmarshalJSON(data []byte) error {
	return models.Decode(data, p)
}

// MarshalJSON encodes the object as Clerk does.
func (p PhoneNumber) MarshalJSON() ([]byte, error) {
	type plain PhoneNumber
	return phoneNumberTable.Encode(plain(p), p.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (w *Web3Wallet) UnmarshalJSON(data []byte) error {
	return models.Decode(data, w)
}

// MarshalJSON encodes the object as Clerk does.
func (w Web3Wallet) MarshalJSON() ([]byte, error) {
	type plain Web3Wallet
	return web3WalletTable.Encode(plain(w), w.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (p *Passkey) UnmarshalJSON(data []byte) error {
	return models.Decode(data, p)
}

// MarshalJSON encodes the object as Clerk does.
func (p Passkey) MarshalJSON() ([]byte, error) {
	type plain Passkey
	return passkeyTable.Encode(plain(p), p.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (l *IdentificationLink) UnmarshalJSON(data []byte) error {
	return models.Decode(data, l)
}

// MarshalJSON encodes the object as Clerk does.
func (l IdentificationLink) MarshalJSON() ([]byte, error) {
	type plain IdentificationLink
	return idLinkTable.Encode(plain(l), l.Extra.state())
}
