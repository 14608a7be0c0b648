package measure

import "testing"

func TestMedian(t *testing.T) {
	cases := []struct {
		in   []int
		want int
	}{
		{nil, 0},
		{[]int{7}, 7},
		{[]int{3, 1, 2}, 2},
		{[]int{4, 1, 3, 2}, 2}, // the lower middle: a measured value
	}
	for _, c := range cases {
		if got := Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestMedianLeavesInputAlone(t *testing.T) {
	in := []int{3, 1, 2}
	Median(in)
	if in[0] != 3 || in[1] != 1 || in[2] != 2 {
		t.Errorf("Median sorted its input: %v", in)
	}
}

func TestSpread(t *testing.T) {
	lo, hi := Spread([]float64{2, 9, 4})
	if lo != 2 || hi != 9 {
		t.Errorf("Spread = %v, %v; want 2, 9", lo, hi)
	}
}
