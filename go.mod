module github.com/slaclock/slaclock

go 1.22

require (
	github.com/emersion/go-ical v0.0.0-20250329121855-f41e73efc392
	github.com/rickar/cal/v2 v2.1.31
	github.com/teambition/rrule-go v1.8.2
)

require (
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
