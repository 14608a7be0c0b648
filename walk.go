package clerk

// walk holds where a Users iteration stands between pages.
type walk struct {
	base   *ListUsersParams // the caller's params, never changed
	next   *ListUsersParams // the params of the next page
	limit  int
	cursor bool // whether pages advance with starting_after
	offset int
}

func newWalk(params *ListUsersParams) (*walk, error) {
	if err := params.Validate(); err != nil {
		return nil, err
	}
	base := params.Clone()
	field, _ := base.Ordering()
	w := &walk{
		base:   base,
		next:   base.Clone(),
		limit:  base.LimitValue(),
		cursor: field == OrderCreatedAt && base.OffsetValue() == 0,
		offset: base.OffsetValue(),
	}
	return w, nil
}

// advance sets up the page after page and reports whether there is one.
func (w *walk) advance(page []User) bool {
	if len(page) < w.limit {
		return false
	}
	w.next = w.base.Clone()
	if w.cursor {
		w.next.StartingAfter(page[len(page)-1].ID)
		return true
	}
	w.offset += len(page)
	w.next.Offset(w.offset)
	return true
}
