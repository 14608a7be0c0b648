package clerk

// FlattenViaJSON exposes the test oracle of Flatten to the external tests,
// which can reach the demo users.
var FlattenViaJSON = flattenViaJSON

// MadeUp exposes which keys Flatten makes up rather than copies.
var MadeUp = madeUp
