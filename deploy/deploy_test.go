package deploy

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

// decodeStrict decodes a manifest into obj the way the API server's strict
// field validation reads it: YAML to JSON, then JSON into the API types
// with field names matched case-sensitively (encoding/json alone would take
// "completionmode" for completionMode). It fails on unknown, duplicate or
// miscased fields and on values of the wrong type.
func decodeStrict(t *testing.T, name string, obj any) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := unmarshalStrict(b, obj); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func unmarshalStrict(b []byte, obj any) error {
	j, err := yaml.YAMLToJSONStrict(b)
	if err != nil {
		return err
	}
	strict, err := kjson.UnmarshalStrict(j, obj)
	if err != nil {
		return err
	}
	return errors.Join(strict...)
}

// flagValue returns the value of --name in args, given as "--name V" or
// "--name=V", and whether it is there.
func flagValue(args []string, name string) (string, bool) {
	for i, a := range args {
		switch {
		case a == "--"+name || a == "-"+name:
			if i+1 < len(args) {
				return args[i+1], true
			}
			return "", true
		case strings.HasPrefix(a, "--"+name+"="):
			return strings.TrimPrefix(a, "--"+name+"="), true
		}
	}
	return "", false
}

// mountFor returns the volume mount of c that holds path.
func mountFor(c corev1.Container, path string) (corev1.VolumeMount, bool) {
	var best corev1.VolumeMount
	found := false
	for _, m := range c.VolumeMounts {
		if (path == m.MountPath || strings.HasPrefix(path, strings.TrimSuffix(m.MountPath, "/")+"/")) && len(m.MountPath) >= len(best.MountPath) {
			best, found = m, true
		}
	}
	return best, found
}

// dockerUser returns the user of the final stage of the Dockerfile.
func dockerUser(t *testing.T) (uid int64, entrypoint string) {
	t.Helper()
	f, err := os.Open("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	user := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		switch strings.ToUpper(fields[0]) {
		case "FROM":
			user, entrypoint = "", ""
		case "USER":
			user = fields[1]
		case "ENTRYPOINT":
			entrypoint = strings.Join(fields[1:], " ")
		}
	}
	uidText, _, _ := strings.Cut(user, ":")
	uid, err = strconv.ParseInt(uidText, 10, 64)
	if err != nil {
		t.Fatalf("Dockerfile: final USER %q is not numeric; Kubernetes cannot check runAsNonRoot against a name", user)
	}
	return uid, entrypoint
}

// checkPodSecurity checks that a pod runs as the Dockerfile's non-root
// user, with nothing it does not need.
func checkPodSecurity(t *testing.T, name string, spec corev1.PodSpec) {
	t.Helper()
	uid, _ := dockerUser(t)
	psc := spec.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot {
		t.Errorf("%s: pod securityContext.runAsNonRoot is not true", name)
	}
	if psc == nil || psc.RunAsUser == nil || *psc.RunAsUser != uid || uid == 0 {
		t.Errorf("%s: pod securityContext.runAsUser is not the Dockerfile's USER %d", name, uid)
	}
	for _, c := range spec.Containers {
		sc := c.SecurityContext
		if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation ||
			sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem ||
			sc.Capabilities == nil || !slices.Contains(sc.Capabilities.Drop, "ALL") {
			t.Errorf("%s: container %s: want allowPrivilegeEscalation false, readOnlyRootFilesystem true, capabilities drop ALL", name, c.Name)
		}
		if c.Image == "" || len(c.Command) > 0 {
			t.Errorf("%s: container %s: want an image and no command (the image's entry point is the binary)", name, c.Name)
		}
	}
}

// checkVolumes checks that every mount names a volume of the pod, and
// every claim the PVC of pvc.yaml.
func checkVolumes(t *testing.T, name string, spec corev1.PodSpec, claim string) {
	t.Helper()
	vols := map[string]corev1.Volume{}
	for _, v := range spec.Volumes {
		vols[v.Name] = v
		if v.PersistentVolumeClaim != nil && v.PersistentVolumeClaim.ClaimName != claim {
			t.Errorf("%s: volume %s claims %q, want %q (pvc.yaml)", name, v.Name, v.PersistentVolumeClaim.ClaimName, claim)
		}
	}
	for _, c := range spec.Containers {
		for _, m := range c.VolumeMounts {
			if _, ok := vols[m.Name]; !ok {
				t.Errorf("%s: container %s mounts %s, which is no volume of the pod", name, c.Name, m.Name)
			}
		}
	}
}

// TestJob checks the Indexed Job: it must decode strictly into a batch/v1
// Job, pass the API server's rules for the fields it uses, and run every
// shard of one run, each once, as a retried pod that replaces its parts.
func TestJob(t *testing.T) {
	var pvc corev1.PersistentVolumeClaim
	decodeStrict(t, "kubernetes/pvc.yaml", &pvc)
	var job batchv1.Job
	decodeStrict(t, "kubernetes/job.yaml", &job)
	s := job.Spec

	if job.APIVersion != "batch/v1" || job.Kind != "Job" || job.Name == "" {
		t.Fatalf("got %s %s %q, want a named batch/v1 Job", job.APIVersion, job.Kind, job.Name)
	}
	if s.CompletionMode == nil || *s.CompletionMode != batchv1.IndexedCompletion {
		t.Fatal("completionMode is not Indexed: pods get no JOB_COMPLETION_INDEX")
	}
	if s.Completions == nil || *s.Completions < 1 {
		t.Fatal("completions not set: an Indexed Job needs it")
	}
	n := *s.Completions
	if s.Parallelism == nil || *s.Parallelism < 1 || *s.Parallelism > n {
		t.Errorf("parallelism %v: want 1..completions (%d)", s.Parallelism, n)
	}
	// The API server's rules for backoffLimitPerIndex (validation of
	// batch/v1 Job): Indexed only, maxFailedIndexes only with it and at
	// most completions, completions at most 100000, restartPolicy Never.
	if s.BackoffLimitPerIndex == nil || *s.BackoffLimitPerIndex < 0 {
		t.Error("backoffLimitPerIndex is not set: a failing shard would use up the retries of all")
	}
	if s.MaxFailedIndexes == nil || *s.MaxFailedIndexes < 0 || *s.MaxFailedIndexes > n {
		t.Errorf("maxFailedIndexes %v: want 0..completions", s.MaxFailedIndexes)
	}
	if n > 100_000 {
		t.Errorf("completions %d: at most 100000 with backoffLimitPerIndex", n)
	}
	pod := s.Template.Spec
	if pod.RestartPolicy != corev1.RestartPolicyNever {
		t.Errorf("restartPolicy %q: backoffLimitPerIndex and podFailurePolicy need Never", pod.RestartPolicy)
	}
	if p := s.PodFailurePolicy; p != nil {
		for i, r := range p.Rules {
			if (r.OnExitCodes == nil) == (len(r.OnPodConditions) == 0) {
				t.Errorf("podFailurePolicy rule %d: want exactly one of onExitCodes and onPodConditions", i)
			}
			if r.Action == batchv1.PodFailurePolicyActionFailIndex && s.BackoffLimitPerIndex == nil {
				t.Errorf("podFailurePolicy rule %d: FailIndex needs backoffLimitPerIndex", i)
			}
			if r.OnExitCodes != nil && slices.Contains(r.OnExitCodes.Values, 0) {
				t.Errorf("podFailurePolicy rule %d: exit code 0 is success", i)
			}
		}
	}

	if len(pod.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	if p := s.PodFailurePolicy; p != nil {
		for i, r := range p.Rules {
			if r.OnExitCodes != nil && r.OnExitCodes.ContainerName != nil && *r.OnExitCodes.ContainerName != c.Name {
				t.Errorf("podFailurePolicy rule %d names container %q, not %q", i, *r.OnExitCodes.ContainerName, c.Name)
			}
		}
	}
	if len(c.Args) == 0 || c.Args[0] != "run" {
		t.Fatalf("args %q: want the run command", c.Args)
	}
	shards, ok := flagValue(c.Args, "shards")
	if !ok || shards != strconv.Itoa(int(n)) {
		t.Errorf("args %q: --shards %q, want completions, %d: each index is one shard of the same split", c.Args, shards, n)
	}
	if _, ok := flagValue(c.Args, "shard"); ok {
		t.Errorf("args %q: --shard fixes the index; the Job's index comes from $JOB_COMPLETION_INDEX", c.Args)
	}
	for _, e := range c.Env {
		if e.Name == "JOB_COMPLETION_INDEX" {
			t.Error("env sets JOB_COMPLETION_INDEX, which Kubernetes sets for each index")
		}
	}
	in, okIn := flagValue(c.Args, "in")
	out, okOut := flagValue(c.Args, "out")
	if !okIn || !okOut || !filepath.IsAbs(in) || !filepath.IsAbs(out) {
		t.Fatalf("args %q: want absolute --in and --out", c.Args)
	}
	if m, ok := mountFor(c, out); !ok || m.ReadOnly {
		t.Errorf("--out %s is not on a writable volume mount", out)
	}
	if _, ok := mountFor(c, in); !ok {
		t.Errorf("--in %s is not on a volume mount", in)
	}
	if w, ok := flagValue(c.Args, "workers"); !ok {
		t.Error("no --workers: the default is the node's CPU count, not the pod's")
	} else if cpu, ok := c.Resources.Requests[corev1.ResourceCPU]; ok && strconv.Itoa(int(cpu.Value())) != w {
		t.Errorf("--workers %s, but the pod requests %s CPUs", w, cpu.String())
	}
	checkPodSecurity(t, "job.yaml", pod)
	checkVolumes(t, "job.yaml", pod, pvc.Name)
}

// TestMergeJob checks the Job that merges the parts job.yaml writes.
func TestMergeJob(t *testing.T) {
	var pvc corev1.PersistentVolumeClaim
	decodeStrict(t, "kubernetes/pvc.yaml", &pvc)
	var job, merge batchv1.Job
	decodeStrict(t, "kubernetes/job.yaml", &job)
	decodeStrict(t, "kubernetes/merge-job.yaml", &merge)
	if merge.Spec.CompletionMode != nil && *merge.Spec.CompletionMode == batchv1.IndexedCompletion {
		t.Error("the merge is one pod, not an Indexed Job")
	}
	if merge.Name == job.Name {
		t.Errorf("both Jobs are named %q", job.Name)
	}
	pod := merge.Spec.Template.Spec
	c := pod.Containers[0]
	if len(c.Args) == 0 || c.Args[0] != "merge" {
		t.Fatalf("args %q: want the merge command", c.Args)
	}
	runOut, _ := flagValue(job.Spec.Template.Spec.Containers[0].Args, "out")
	runMount, _ := mountFor(job.Spec.Template.Spec.Containers[0], runOut)
	in, _ := flagValue(c.Args, "in")
	out, _ := flagValue(c.Args, "out")
	inMount, ok := mountFor(c, in)
	if !ok || inMount.SubPath != runMount.SubPath || strings.TrimPrefix(in, inMount.MountPath) != strings.TrimPrefix(runOut, runMount.MountPath) {
		t.Errorf("merge --in %s is not the folder the Job writes to (--out %s)", in, runOut)
	}
	if m, ok := mountFor(c, out); !ok || m.ReadOnly {
		t.Errorf("merge --out %s is not on a writable volume mount", out)
	}
	if pod.RestartPolicy != corev1.RestartPolicyNever && pod.RestartPolicy != corev1.RestartPolicyOnFailure {
		t.Errorf("restartPolicy %q: a Job's pods need Never or OnFailure", pod.RestartPolicy)
	}
	checkPodSecurity(t, "merge-job.yaml", pod)
	checkVolumes(t, "merge-job.yaml", pod, pvc.Name)
}

// TestPVC checks the claim: pods of the Job run on several nodes at once.
func TestPVC(t *testing.T) {
	var pvc corev1.PersistentVolumeClaim
	decodeStrict(t, "kubernetes/pvc.yaml", &pvc)
	if pvc.APIVersion != "v1" || pvc.Kind != "PersistentVolumeClaim" || pvc.Name == "" {
		t.Fatalf("got %s %s %q, want a named v1 PersistentVolumeClaim", pvc.APIVersion, pvc.Kind, pvc.Name)
	}
	if !slices.Contains(pvc.Spec.AccessModes, corev1.ReadWriteMany) {
		t.Errorf("access modes %v: pods on several nodes need ReadWriteMany", pvc.Spec.AccessModes)
	}
	if q, ok := pvc.Spec.Resources.Requests[corev1.ResourceStorage]; !ok || q.IsZero() {
		t.Error("no storage request")
	}
}

// TestDecodeStrictRefuses checks that the strict decoding catches what it
// is there for.
func TestDecodeStrictRefuses(t *testing.T) {
	for _, bad := range []string{
		"apiVersion: batch/v1\nkind: Job\nspec:\n  completionMod: Indexed\n",           // misspelt field
		"apiVersion: batch/v1\nkind: Job\nspec:\n  completionmode: Indexed\n",          // miscased field
		"apiVersion: batch/v1\nkind: Job\nspec:\n  completions: eight\n",               // wrong type
		"apiVersion: batch/v1\nkind: Job\nspec:\n  completions: 8\n  completions: 9\n", // duplicate
	} {
		var job batchv1.Job
		if err := unmarshalStrict([]byte(bad), &job); err == nil {
			t.Errorf("decoded without error:\n%s", bad)
		}
	}
}

// TestDockerfile checks the image against what the manifests expect of it:
// a builder on go.mod's Go release, a static binary, a non-root user and
// the binary as entry point.
func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(b)
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(mod)
	if goVersion == nil {
		t.Fatal("go.mod has no go directive")
	}
	if !strings.Contains(df, "FROM golang:"+string(goVersion[1])+" ") {
		t.Errorf("the builder is not golang:%s, go.mod's release", goVersion[1])
	}
	if !strings.Contains(df, "CGO_ENABLED=0") {
		t.Error("the binary is not built with CGO_ENABLED=0: it would not run on a static base")
	}
	froms := regexp.MustCompile(`(?m)^FROM\s+(\S+)`).FindAllStringSubmatch(df, -1)
	if len(froms) < 2 || !(strings.Contains(froms[len(froms)-1][1], "distroless/static") || froms[len(froms)-1][1] == "scratch") {
		t.Errorf("final stage %v: want distroless/static or scratch", froms)
	}
	uid, entry := dockerUser(t)
	if uid == 0 {
		t.Error("the image runs as root")
	}
	var argv []string
	if err := json.Unmarshal([]byte(entry), &argv); err != nil || len(argv) != 1 || argv[0] != "/communique" {
		t.Errorf("ENTRYPOINT %s: want the exec form [\"/communique\"], so that container args are the command line", entry)
	}
}

// TestKubectl checks the manifests with kubectl, when it is installed.
// Offline it decodes the Jobs into kubectl's own typed objects (a local
// `set env`, which needs no cluster). With COMMUNIQUE_KUBECTL_DRY_RUN=1 it
// also runs `kubectl apply --dry-run=client` against the cluster of the
// current kubeconfig (which needs the API server for discovery).
func TestKubectl(t *testing.T) {
	kubectl, err := exec.LookPath("kubectl")
	if err != nil {
		t.Skip("kubectl not installed")
	}
	for _, name := range []string{"kubernetes/job.yaml", "kubernetes/merge-job.yaml"} {
		cmd := exec.Command(kubectl, "set", "env", "--local", "-f", name, "-o", "json", "COMMUNIQUE_CHECK=1")
		cmd.Env = append(os.Environ(), "KUBECONFIG="+filepath.Join(t.TempDir(), "none"))
		out, err := cmd.Output()
		if err != nil {
			msg := err.Error()
			if ee, ok := err.(*exec.ExitError); ok {
				msg = string(ee.Stderr)
			}
			t.Errorf("kubectl set env --local -f %s: %s", name, msg)
			continue
		}
		var obj struct{ Kind string }
		if err := json.Unmarshal(out, &obj); err != nil || obj.Kind != "Job" {
			t.Errorf("kubectl on %s: got kind %q (%v), want Job", name, obj.Kind, err)
		}
	}
	if os.Getenv("COMMUNIQUE_KUBECTL_DRY_RUN") != "1" {
		t.Log("set COMMUNIQUE_KUBECTL_DRY_RUN=1 to also run kubectl apply --dry-run=client against the current cluster")
		return
	}
	out, err := exec.Command(kubectl, "apply", "--dry-run=client", "--validate=false", "-f", "kubernetes/").CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl apply --dry-run=client: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
