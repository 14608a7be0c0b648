package clerk

import "github.com/workflowkit/clerk/internal/jsonobj"

// VerificationStatus is the state of a verification. Clerk may add values;
// an unknown one is kept as it came.
type VerificationStatus string

// The verification statuses Clerk documents.
const (
	VerificationUnverified   VerificationStatus = "unverified"
	VerificationVerified     VerificationStatus = "verified"
	VerificationFailed       VerificationStatus = "failed"
	VerificationExpired      VerificationStatus = "expired"
	VerificationTransferable VerificationStatus = "transferable"
)

// Verification tells whether and how an identifier or account was
// verified. Clerk has one schema per strategy (otp, admin, oauth, saml,
// web3, passkey, ticket, email link, scim, ...), told apart by Object, such
// as "verification_otp"; this type holds the union of their properties, so
// a strategy Clerk adds later still decodes.
type Verification struct {
	Object   string             `json:"object,omitempty"`
	Status   VerificationStatus `json:"status"`
	Strategy string             `json:"strategy"`
	Attempts *int64             `json:"attempts"`
	// ExpireAt is in Unix milliseconds.
	ExpireAt         *int64  `json:"expire_at"`
	VerifiedAtClient *string `json:"verified_at_client,omitempty"`
	// Channel is how an OTP was delivered, such as "sms".
	Channel *string     `json:"channel,omitempty"`
	Error   *ClerkError `json:"error,omitempty"`
	// ExternalVerificationRedirectURL is where an OAuth or SAML flow sends
	// the user to verify.
	ExternalVerificationRedirectURL *string `json:"external_verification_redirect_url,omitempty"`
	Nonce                           *string `json:"nonce,omitempty"`
	Message                         *string `json:"message,omitempty"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// Verified reports whether v is non-nil and verified.
func (v *Verification) Verified() bool {
	return v != nil && v.Status == VerificationVerified
}

// ClerkError is one entry of Clerk's error list, in API error responses
// and inside failed verifications.
type ClerkError struct {
	// Code is machine-readable, such as "form_param_value_invalid".
	Code        string `json:"code"`
	Message     string `json:"message"`
	LongMessage string `json:"long_message"`
	// Meta holds details, such as "param_name" for a bad parameter.
	Meta Metadata `json:"meta,omitempty"`

	// Extra keeps what the typed fields do not hold.
	Extra Extra `json:"-"`
}

// ParamName is the query parameter the error is about, from
// meta.param_name, or "".
func (e *ClerkError) ParamName() string {
	name, _ := e.Meta.Lookup("param_name")
	s, _ := name.(string)
	return s
}

var (
	verificationTable = jsonobj.NewTable[Verification]()
	clerkErrorTable   = jsonobj.NewTable[ClerkError]()
)

// UnmarshalJSON decodes the object, keeping unknown members.
func (v *Verification) UnmarshalJSON(data []byte) error {
	return models.Decode(data, v)
}

// MarshalJSON encodes the object as Clerk does.
func (v Verification) MarshalJSON() ([]byte, error) {
	type plain Verification
	return verificationTable.Encode(plain(v), v.Extra.state())
}

// UnmarshalJSON decodes the object, keeping unknown members.
func (e *ClerkError) UnmarshalJSON(data []byte) error {
	return models.Decode(data, e)
}

// MarshalJSON encodes the object as Clerk does.
func (e ClerkError) MarshalJSON() ([]byte, error) {
	type plain ClerkError
	return clerkErrorTable.Encode(plain(e), e.Extra.state())
}
