package jsonobj

// skip reads past the value that starts at d.i, checking it completely,
// and returns its bytes. It does not recurse: the brackets still open are
// kept on a small stack of their closers.
func (d *decoder) skip() ([]byte, error) {
	start := d.i
	var closers []byte
	var spare [32]byte
	closers = spare[:0]

	for {
		// A value.
		if d.i >= len(d.data) {
			return nil, d.fail("expected a value")
		}
		switch c := d.data[d.i]; c {
		case '{', '[':
			if err := d.open(); err != nil {
				return nil, err
			}
			closer := c + 2 // '}' and ']' follow their openers at a distance of 2
			if d.peek() == closer {
				d.i++
				d.depth--
				break
			}
			closers = append(closers, closer)
			if closer == '}' {
				if err := d.skipKey(); err != nil {
					return nil, err
				}
			}
			continue
		case '"':
			if _, err := d.str(); err != nil {
				return nil, err
			}
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			if _, _, err := d.number(); err != nil {
				return nil, err
			}
		default:
			if _, err := d.literal(); err != nil {
				return nil, err
			}
		}

		// What follows a value: the end, a comma or closing brackets.
		for {
			if len(closers) == 0 {
				return d.data[start:d.i], nil
			}
			closer := closers[len(closers)-1]
			more, err := d.next(closer)
			if err != nil {
				return nil, err
			}
			if more {
				break
			}
			closers = closers[:len(closers)-1]
		}
		if closers[len(closers)-1] == '}' {
			if err := d.skipKey(); err != nil {
				return nil, err
			}
		}
	}
}

// skipKey reads a member's name and its colon, leaving d.i at the value.
func (d *decoder) skipKey() error {
	if d.peek() != '"' {
		return d.fail("expected a member name")
	}
	if _, err := d.str(); err != nil {
		return err
	}
	return d.colon()
}

// colon reads the colon after a member's name and the space after it.
func (d *decoder) colon() error {
	if d.peek() != ':' {
		return d.fail("expected :")
	}
	d.i++
	d.space()
	return nil
}
