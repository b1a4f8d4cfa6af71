module github.com/slaclock/slaclock

go 1.26.8

require github.com/rickar/cal/v2 v2.1.31

require (
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
