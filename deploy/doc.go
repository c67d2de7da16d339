// Package deploy holds the files that run communique on schedulers: a
// Kubernetes Indexed Job (kubernetes/), a PySpark driver for RDD.pipe
// (spark/), and the tests that check them without a cluster. See
// README.md beside this file.
package deploy
