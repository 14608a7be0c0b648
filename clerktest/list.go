package clerktest

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Paging bounds of GET /v1/users.
const (
	defaultLimit = 10
	maxLimit     = 500
)

// listParams are the parameters of GET /v1/users.
type listParams struct {
	filter filter
	limit  int
	offset int
	order  ordering
	// cursor is starting_after; hasCursor tells "" from absent.
	cursor    string
	hasCursor bool
}

// parseList reads and checks the parameters of GET /v1/users; the first
// invalid one, in the order read, is the one reported.
func parseList(q url.Values) (listParams, *apiError) {
	p := &parser{q: q}
	lp := listParams{
		filter: parseFilter(p),
		limit:  int(p.bounded("limit", defaultLimit, 1, maxLimit)),
		offset: int(p.bounded("offset", 0, 0, -1)),
		order:  defaultOrdering(),
	}

	// Only the first order_by counts.
	if by := p.text("order_by"); by != nil {
		o, ok := parseOrdering(*by)
		if !ok {
			p.fail(errValue("order_by", fmt.Sprintf("order_by %q is not a known field; "+
				"use one of %s, with an optional - (descending) or %%2B prefix.%s",
				*by, strings.Join(orderFields(), ", "), plusHint(*by))))
		}
		lp.order = o
	}

	if c := p.text("starting_after"); c != nil {
		lp.cursor, lp.hasCursor = *c, true
		p.checkCursor(lp)
	}
	return lp, p.err
}

// checkCursor rejects starting_after where it has no meaning: with an
// ordering on another field than created_at, or with a non-zero offset.
// Both name starting_after in meta.param_name (assumed), since each other
// parameter is valid alone.
func (p *parser) checkCursor(lp listParams) {
	switch {
	case lp.order.field != orderCreatedAt:
		p.fail(errValue("starting_after", "starting_after works only with order_by "+
			"created_at (the default); drop it or order by created_at."))
	case lp.offset != 0:
		p.fail(errValue("starting_after", "starting_after cannot be combined with a "+
			"non-zero offset; drop one of them."))
	}
}

// listUsers answers GET /v1/users with a bare JSON array of users.
func (s *Server) listUsers(r *http.Request) (reply, *apiError) {
	lp, err := parseList(r.URL.Query())
	if err != nil {
		return reply{}, err
	}

	// An id that is not stored, also one deleted since the previous page,
	// is a 422 (assumed).
	rows, ok := s.store.page(&lp)
	if !ok {
		return reply{}, errValue("starting_after", fmt.Sprintf("starting_after %q is "+
			"not the id of a user; pass the id of the last user of the previous page.",
			lp.cursor))
	}
	return reply{status: http.StatusOK, body: encodeArray(rows)}, nil
}

// countUsers answers GET /v1/users/count. Paging and ordering parameters
// are ignored, even when invalid.
func (s *Server) countUsers(r *http.Request) (reply, *apiError) {
	p := &parser{q: r.URL.Query()}
	f := parseFilter(p)
	if p.err != nil {
		return reply{}, p.err
	}

	n := s.store.count(&f)
	body := fmt.Appendf(nil, `{"object":"total_count","total_count":%d}`, n)
	return reply{status: http.StatusOK, body: body}, nil
}

// encodeArray joins the stored JSON of rows into an array.
func encodeArray(rows []*record) []byte {
	size := 2 + len(rows)
	for _, r := range rows {
		size += len(r.raw)
	}

	buf := make([]byte, 0, size)
	buf = append(buf, '[')
	for i, r := range rows {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, r.raw...)
	}
	return append(buf, ']')
}
