package sla

import (
	"math/bits"
	"strconv"
	"strings"
	"time"
)

// Share is a share of a deadline's target, in parts per million: 750000 is
// 75 %. A share p is reached at the first instant at which the window time used
// is at least p of the target, rounded up to the nanosecond; the comparison is
// on whole nanoseconds, never on floats, so the instant AlertAt gives and the
// first instant Progress reports the share reached are the same.
//
// The valid shares run from 1 (0.0001 %) to 1000000 (100 %). The zero Share is
// not valid.
type Share uint32

// Whole is the share 100 %: the whole target.
const Whole Share = 1_000_000

func (p Share) valid() bool { return p >= 1 && p <= Whole }

// Percent returns the share as a percentage.
func Percent(pct float64) Share {
	return Share(pct*10_000 + 0.5)
}

// Of returns the window time at which p of target is used: p × target rounded
// up to the nanosecond. Of(target) of Whole is target.
func (p Share) Of(target time.Duration) time.Duration {
	if target <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(target), uint64(p))
	q, r := bits.Div64(hi, lo, uint64(Whole))
	if r != 0 {
		q++
	}
	return time.Duration(q)
}

// String returns the share as a percentage: "75%", "12.5%", "0.0001%"; an
// invalid share prints as %!Share(n).
func (p Share) String() string {
	if !p.valid() {
		return "%!Share(" + strconv.Itoa(int(p)) + ")"
	}
	whole, frac := int(p)/10_000, int(p)%10_000
	s := strconv.Itoa(whole)
	if frac != 0 {
		f := strconv.Itoa(10_000 + frac)[1:]
		s += "." + strings.TrimRight(f, "0")
	}
	return s + "%"
}

// ParseShare parses a share written as a percentage ("75%", "12.5 %") or as a
// fraction of one ("0.75", "1"), with at most four decimals of a percent. It
// must be above 0 and at most 100 %.
func ParseShare(s string) (Share, error) {
	bad := func(reason string) (Share, error) {
		return 0, &ParseError{Kind: "share", Input: s, Reason: reason, Err: ErrInvalidSettings}
	}
	t := strings.TrimSpace(s)
	scale := 6 // decimals of a fraction of one
	if pct, ok := strings.CutSuffix(t, "%"); ok {
		t, scale = strings.TrimSpace(pct), 4
	}
	whole, frac, _ := strings.Cut(t, ".")
	if whole == "" || len(frac) > scale || !digits(whole) || !digits(frac) || len(whole) > 7 {
		return bad(`want a percentage such as "75%" or a fraction such as "0.75"`)
	}
	n, _ := strconv.Atoi(whole + frac + strings.Repeat("0", scale-len(frac)))
	p := Share(n)
	if n > int(Whole) || !p.valid() {
		return bad("want a share above 0 % and at most 100 %")
	}
	return p, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (p Share) MarshalText() ([]byte, error) {
	if !p.valid() {
		return nil, &ValueError{Field: "share", Value: p.String(), Reason: checkShare(p), Err: ErrInvalidSettings}
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseShare. On error p
// is unchanged.
func (p *Share) UnmarshalText(b []byte) error {
	v, err := ParseShare(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
