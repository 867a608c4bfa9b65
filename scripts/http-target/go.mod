// The trivial HTTP server of the load generator benchmark (scripts/http-target.sh builds it).
// Standard library only: go.sum is empty, and the build is -mod=readonly.
module cncfdemo/http-target

go 1.26.0
