package cli

// EnvAPIURL is the environment variable that points the programs at
// another API base URL than clerk.DefaultBaseURL, such as a proxy. It
// must end in /v1, and it needs clerk.EnvSecretKey set too.
const EnvAPIURL = "CLERK_API_URL"

// Env looks up an environment variable the way os.LookupEnv does: its
// value, and whether it is set at all, so that a variable set to "" is
// told apart from one that is not set. Programs pass os.LookupEnv, tests
// MapEnv.
type Env func(name string) (value string, ok bool)

// MapEnv returns an Env in which exactly the variables of vars are set,
// with their values, empty ones included. MapEnv(nil) sets none, which
// makes Connect start the embedded test server.
func MapEnv(vars map[string]string) Env {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

// EnvHelp describes, for a program's --help, how the environment picks
// the Clerk instance that Connect connects to.
const EnvHelp = `Environment:
  CLERK_SECRET_KEY  a secret key (sk_test_… or sk_live_…): ask that Clerk
                    instance. Unset: use an embedded test server with demo
                    users, as stderr says. Set but empty: an error.
  CLERK_API_URL     another API base URL, ending in /v1 (default
                    https://api.clerk.com/v1); only with CLERK_SECRET_KEY.
`
