package clerktest

// genName is a given or family name and the ASCII handle that email
// addresses and usernames derive from.
type genName struct {
	name, handle string
}

// genWords are the lists a population draws its names and places from.
type genWords struct {
	first, last               []genName
	emailDomains, workDomains []string
	orgFirst, orgSecond       []string
	phonePrefixes             []string
}

// newGenWords returns the lists. Names come from many countries, some
// with letters beyond ASCII, so that searches and escaping meet them.
// Primary addresses use emailDomains, a second address workDomains; an
// organization is named by one word of orgFirst and one of orgSecond;
// phone numbers are an E.164 prefix and seven digits, which makes a
// number of the country's length.
func newGenWords() genWords {
	return genWords{
		first: []genName{
			{"Olivia", "olivia"}, {"Liam", "liam"}, {"Emma", "emma"}, {"Noah", "noah"},
			{"Ava", "ava"}, {"Lucas", "lucas"}, {"Mia", "mia"}, {"Mateo", "mateo"},
			{"Sofía", "sofia"}, {"Hugo", "hugo"}, {"Léa", "lea"}, {"Jonas", "jonas"},
			{"Chloé", "chloe"}, {"Elias", "elias"}, {"Amara", "amara"},
			{"Kwame", "kwame"}, {"Priya", "priya"}, {"Arjun", "arjun"},
			{"Aiko", "aiko"}, {"Kenji", "kenji"}, {"Mei", "mei"}, {"Wei", "wei"},
			{"Minh", "minh"}, {"Linh", "linh"}, {"Fatima", "fatima"}, {"Omar", "omar"},
			{"Zoë", "zoe"}, {"Björn", "bjorn"}, {"Ingrid", "ingrid"},
			{"Lukáš", "lukas"}, {"Anna", "anna"}, {"David", "david"},
			{"Sarah", "sarah"}, {"James", "james"}, {"Grace", "grace"},
			{"Daniel", "daniel"}, {"Hannah", "hannah"}, {"Samuel", "samuel"},
			{"Nadia", "nadia"}, {"Tomás", "tomas"},
		},
		last: []genName{
			{"Smith", "smith"}, {"Johnson", "johnson"}, {"García", "garcia"},
			{"Martínez", "martinez"}, {"Müller", "muller"}, {"Schmidt", "schmidt"},
			{"Dubois", "dubois"}, {"Martin", "martin"}, {"Rossi", "rossi"},
			{"Ferrari", "ferrari"}, {"Nowak", "nowak"}, {"Novák", "novak"},
			{"Johansson", "johansson"}, {"Andersen", "andersen"},
			{"O'Brien", "obrien"}, {"Murphy", "murphy"}, {"Okafor", "okafor"},
			{"Mensah", "mensah"}, {"Patel", "patel"}, {"Sharma", "sharma"},
			{"Tanaka", "tanaka"}, {"Watanabe", "watanabe"}, {"Kim", "kim"},
			{"Park", "park"}, {"Nguyễn", "nguyen"}, {"Chen", "chen"},
			{"Wang", "wang"}, {"Silva", "silva"}, {"Santos", "santos"},
			{"Kowalski", "kowalski"}, {"Al-Sayed", "alsayed"}, {"Haddad", "haddad"},
			{"Cohen", "cohen"}, {"Levi", "levi"}, {"Brown", "brown"},
			{"Taylor", "taylor"}, {"Wilson", "wilson"}, {"Jones", "jones"},
			{"Lindqvist", "lindqvist"}, {"Søreide", "soreide"},
		},
		emailDomains: []string{"example.com", "example.org", "example.net",
			"mail.example.com", "inbox.example"},
		workDomains: []string{"corp.example", "work.example", "acme.example",
			"globex.example"},
		orgFirst: []string{"Blue", "North", "Silver", "Quantum", "Maple", "Iron",
			"Bright", "Cedar", "Harbor", "Summit", "Pixel", "Lunar"},
		orgSecond: []string{"Labs", "Works", "Systems", "Health", "Logistics",
			"Studio", "Capital", "Robotics"},
		phonePrefixes: []string{"+1415", "+1212", "+1312", "+1646", "+44770",
			"+49151", "+3361", "+6141", "+91987", "+81901"},
	}
}
