package sla

import (
	"strconv"
	"strings"
)

// Programme is a support programme with its own contact channels: HiCare,
// CoCare, HEZO AHB/SOS or the warranty.
type Programme uint8

// The programmes of the service description's contact table.
const (
	HiCare Programme = iota + 1
	CoCare
	HEZO // HEZO Assistance AHB and SOS
	Warranty
)

var programmeNames = [...]string{HiCare: "HiCare", CoCare: "CoCare", HEZO: "HEZO AHB/SOS", Warranty: "warranty"}

// String returns the programme's name as the description writes it.
func (p Programme) String() string {
	if p < HiCare || p > Warranty {
		return "%!Programme(" + strconv.Itoa(int(p)) + ")"
	}
	return programmeNames[p]
}

// Contacts are a programme's contact and escalation channels. An empty field
// means the description gives none.
type Contacts struct {
	Hotline         string // TAC hotline
	Language        string // operating language
	Email           string
	Portal          string
	RequestEmail    string // where service requests are e-mailed (HEZO)
	EscalationEmail string
	EscalationPhone string
}

// Contacts returns the programme's channels from the service description.
func (p Programme) Contacts() Contacts {
	switch p {
	case HiCare:
		return Contacts{Hotline: "+40 312291238", Language: "English", Email: "eusupport@huawei.com", Portal: "support.huawei.com"}
	case CoCare, HEZO:
		return Contacts{
			Hotline: "+48 12 25 25 600", Language: "Polish", Email: "support@hezo.com.pl", Portal: "myHEZO.pl",
			RequestEmail: "pomoc@myhezo.pl", EscalationEmail: "escalation@myhezo.pl", EscalationPhone: "+48 12 25 25 502",
		}
	case Warranty:
		return Contacts{Language: "Polish", Portal: "helpdesk.vzam.pl"}
	}
	return Contacts{}
}

// serviceKind is one entry of the catalogue.
type serviceKind uint8

const (
	cocareBasic serviceKind = iota + 1
	cocareStandard
	cocarePremier
	cocareStandardOnsite
	cocarePremiumOnsite
	ahb
	sos
)

type serviceInfo struct {
	id, name  string
	level     Level // the target; for split services the P3/P4 target
	critical  Level // the P1/P2 target of split services, zero otherwise
	delivers  bool  // the target is the replacement's delivery (or ship-by for -S)
	onsite    bool  // an engineer is on site by the target
	programme Programme
}

var catalogue = [...]serviceInfo{
	cocareBasic: {id: "cocare-basic", name: "CoCare Basic", level: MustParseLevel("9x5xNBD-S"),
		delivers: true, programme: CoCare},
	cocareStandard: {id: "cocare-standard", name: "CoCare Standard", level: MustParseLevel("9x5xNBD"),
		delivers: true, programme: CoCare},
	cocarePremier: {id: "cocare-premier", name: "CoCare Premier", level: MustParseLevel("9x5xNBD"),
		critical: MustParseLevel("24x7x4"), delivers: true, programme: CoCare},
	cocareStandardOnsite: {id: "cocare-standard-onsite", name: "CoCare Standard Onsite", level: MustParseLevel("9x5xNBD"),
		delivers: true, onsite: true, programme: CoCare},
	cocarePremiumOnsite: {id: "cocare-premium-onsite", name: "CoCare Premium Onsite", level: MustParseLevel("9x5xNBD"),
		critical: MustParseLevel("24x7x4"), delivers: true, onsite: true, programme: CoCare},
	ahb: {id: "ahb-", name: "HEZO Assistance AHB (advance hardware backup) ", delivers: true, programme: HEZO},
	sos: {id: "sos-", name: "HEZO Assistance SOS (service on site) ", onsite: true, programme: HEZO},
}

// Service is an entry of the service catalogue: a CoCare
// package (cocare-basic, cocare-standard, cocare-premier, cocare-standard-onsite,
// cocare-premium-onsite) or a HEZO add-on at a level (ahb-<level>: the
// replacement delivered by the level; sos-<level>: an engineer on site with the
// replacement by the level).
//
// Service is a small comparable value; get one with LookupService. The zero
// Service is not valid.
type Service struct {
	kind  serviceKind
	level Level // for ahb and sos
}

// LookupService returns the catalogue entry with the given id. Ids are matched
// ignoring case and surrounding spaces; the level of ahb-<level> and
// sos-<level> is parsed as ParseLevel does (ahb-8x5xNBD, ahb-24x7xNBD, ahb-8x5x8,
// sos-24x7x4). An sos- level may not be a ship-by (-S) level: an engineer is not
// shipped. An unknown id is an error wrapping ErrUnknownService that quotes it.
// LookupService does not allocate on success.
func LookupService(id string) (Service, error) {
	t := strings.TrimSpace(id)
	for k := cocareBasic; k <= cocarePremiumOnsite; k++ {
		if strings.EqualFold(t, catalogue[k].id) {
			return Service{kind: k}, nil
		}
	}
	for _, k := range [...]serviceKind{ahb, sos} {
		p := catalogue[k].id
		if len(t) <= len(p) || !strings.EqualFold(t[:len(p)], p) {
			continue
		}
		l, err := ParseLevel(t[len(p):])
		if err != nil {
			return Service{}, &ParseError{Kind: "service", Input: id, Reason: "the level after " + p + " does not parse: " + err.(*ParseError).Reason, Err: ErrUnknownService}
		}
		if k == sos && l.Ship() {
			return Service{}, &ParseError{Kind: "service", Input: id, Reason: "an on-site service cannot have a ship-by (-S) level", Err: ErrUnknownService}
		}
		return Service{kind: k, level: l}, nil
	}
	return Service{}, &ParseError{Kind: "service", Input: id,
		Reason: "want cocare-basic, cocare-standard, cocare-premier, cocare-standard-onsite, cocare-premium-onsite, ahb-<level> or sos-<level>",
		Err:    ErrUnknownService}
}

// MustLookupService is LookupService for ids fixed in the program; it panics on error.
func MustLookupService(id string) Service {
	s, err := LookupService(id)
	if err != nil {
		panic(err)
	}
	return s
}

// Services returns the fixed CoCare packages of the catalogue, in the order of
// the description. The add-ons ahb-<level> and sos-<level> exist for every level.
func Services() []Service {
	out := make([]Service, 0, 5)
	for k := cocareBasic; k <= cocarePremiumOnsite; k++ {
		out = append(out, Service{kind: k})
	}
	return out
}

// IsZero reports whether s is the zero (invalid) Service.
func (s Service) IsZero() bool { return s.kind == 0 }

func (s Service) info() *serviceInfo { return &catalogue[s.kind] }

// ID returns the service's catalogue id: cocare-premier, ahb-8x5xNBD.
func (s Service) ID() string {
	switch {
	case s.kind == 0 || int(s.kind) >= len(catalogue):
		return "%!Service(" + strconv.Itoa(int(s.kind)) + ")"
	case s.kind == ahb || s.kind == sos:
		return s.info().id + s.level.String()
	}
	return s.info().id
}

// String returns the id.
func (s Service) String() string { return s.ID() }

// Name returns the service's name for people: "CoCare Premier",
// "HEZO Assistance AHB (advance hardware backup) 8x5xNBD".
func (s Service) Name() string {
	if s.kind == ahb || s.kind == sos {
		return s.info().name + s.level.String()
	}
	return s.info().name
}

// Programme returns the support programme whose contacts serve the service.
func (s Service) Programme() Programme { return s.info().programme }

// NeedsPriority reports whether the target depends on the request's priority
// (Premier and Premium Onsite: P1/P2 24x7x4, P3/P4 9x5xNBD).
func (s Service) NeedsPriority() bool { return !s.info().critical.IsZero() }

// Delivers reports whether the service delivers (or, at a -S level, ships) a
// replacement by its target.
func (s Service) Delivers() bool { return s.info().delivers }

// OnSite reports whether an engineer is on site by the target.
func (s Service) OnSite() bool { return s.info().onsite }

// Level returns the service level that applies to a request of priority p. For
// a service that needs a priority, a zero p is an error wrapping
// ErrPriorityRequired; a priority outside P1-P4 is an error wrapping
// ErrInvalidPriority. Services without a priority split ignore p.
func (s Service) Level(p Priority) (Level, error) {
	if s.kind == 0 || int(s.kind) >= len(catalogue) {
		return Level{}, &ValueError{Field: "service", Value: s.ID(), Reason: "the zero Service is not in the catalogue", Err: ErrUnknownService}
	}
	if p != 0 && !p.valid() {
		return Level{}, &ValueError{Field: "priority", Value: p.String(), Reason: "want P1 to P4", Err: ErrInvalidPriority}
	}
	in := s.info()
	switch {
	case s.kind == ahb || s.kind == sos:
		return s.level, nil
	case in.critical.IsZero():
		return in.level, nil
	case p == 0:
		return Level{}, &ValueError{Field: "priority", Reason: "service " + in.id + " needs a priority (P1/P2: " +
			in.critical.String() + ", P3/P4: " + in.level.String() + ")", Err: ErrPriorityRequired}
	case p.Critical():
		return in.critical, nil
	}
	return in.level, nil
}

// MarshalText implements encoding.TextMarshaler with the id.
func (s Service) MarshalText() ([]byte, error) {
	if s.IsZero() {
		return nil, &ValueError{Field: "service", Value: s.ID(), Reason: "the zero Service is not in the catalogue", Err: ErrUnknownService}
	}
	return []byte(s.ID()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with LookupService. On error
// s is unchanged.
func (s *Service) UnmarshalText(b []byte) error {
	v, err := LookupService(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
