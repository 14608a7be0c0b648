package clerk

import "slices"

// OrderField is a user attribute that GET /v1/users can sort by, sent as
// the order_by query parameter. Use the Order* constants: Validate rejects
// any other value before a request is made.
type OrderField string

// The fields Clerk can order users by. Ties are broken by user id, so every
// ordering is total. Only OrderCreatedAt works with a StartingAfter cursor.
const (
	// OrderCreatedAt orders by creation time, Clerk's default field.
	OrderCreatedAt OrderField = "created_at"
	// OrderUpdatedAt orders by the time of the last update.
	OrderUpdatedAt OrderField = "updated_at"
	// OrderEmailAddress orders by the primary email address.
	OrderEmailAddress OrderField = "email_address"
	// OrderWeb3Wallet orders by the primary Web3 wallet. Clerk spells the
	// field "web3wallet", without the underscore that the web3_wallet
	// filter has.
	OrderWeb3Wallet OrderField = "web3wallet"
	// OrderFirstName orders by first name.
	OrderFirstName OrderField = "first_name"
	// OrderLastName orders by last name.
	OrderLastName OrderField = "last_name"
	// OrderPhoneNumber orders by the primary phone number.
	OrderPhoneNumber OrderField = "phone_number"
	// OrderUsername orders by username.
	OrderUsername OrderField = "username"
	// OrderLastActiveAt orders by the time the user was last active.
	OrderLastActiveAt OrderField = "last_active_at"
	// OrderLastSignInAt orders by the time of the last sign-in.
	OrderLastSignInAt OrderField = "last_sign_in_at"
)

// Direction is the sort direction of an ordering. Its value is the prefix
// written before the field in order_by: OrderBy(OrderCreatedAt, Descending)
// sends order_by=-created_at and OrderBy(OrderCreatedAt, Ascending) sends
// order_by=+created_at. The "+" is always written, although Clerk reads a
// bare field as ascending, so that the query says what it means; it is
// percent-encoded (%2B) on the wire.
type Direction string

const (
	// Ascending sorts from the smallest value to the largest, oldest first
	// for times.
	Ascending Direction = "+"
	// Descending sorts from the largest value to the smallest, newest first
	// for times. Clerk's default ordering is OrderCreatedAt, Descending.
	Descending Direction = "-"
)

// OrderFields returns every OrderField that Clerk accepts, in the order of
// the constants, as a new slice that the caller may change.
func OrderFields() []OrderField {
	return []OrderField{
		OrderCreatedAt, OrderUpdatedAt, OrderEmailAddress, OrderWeb3Wallet,
		OrderFirstName, OrderLastName, OrderPhoneNumber, OrderUsername,
		OrderLastActiveAt, OrderLastSignInAt,
	}
}

// known reports whether f is one of the Order* constants.
func (f OrderField) known() bool {
	return slices.Contains(OrderFields(), f)
}

// known reports whether d is Ascending or Descending.
func (d Direction) known() bool {
	return d == Ascending || d == Descending
}
