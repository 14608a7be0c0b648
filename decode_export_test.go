package clerk

// DecodeUsers exposes the fast path of ListUsers to the external tests,
// which can reach the generated users.
func DecodeUsers(data []byte) ([]User, error) {
	var users []User
	err := decodeUsers(data, &users)
	return users, err
}
