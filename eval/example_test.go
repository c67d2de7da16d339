package eval_test

import (
	"fmt"
	"os"

	"communique/eval"
)

func ExampleScore() {
	rep, err := eval.Score("testdata/messy/gold", "testdata/messy/out")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep.Write(os.Stdout, false)
	fmt.Printf("persons F1 %.3f, first miss %q\n", rep.PRF["persons"].F1(), rep.Misses[1])
	// Output:
	// kind              P      R     F1   tp  fp  fn
	// countries     0.833  0.909  0.870   10   2   1
	// persons       0.778  0.778  0.778    7   2   2
	// visits        0.714  1.000  0.833    5   2   0
	// meetings      0.750  0.750  0.750    6   2   2
	// agreements    0.667  1.000  0.800    2   1   0
	// gatherings    0.750  1.000  0.857    3   1   0
	// rankings      0.600  1.000  0.750    3   2   0
	//
	// published acc         1.000  (4/4)
	// title acc             0.500  (2/4)
	// garbled acc           0.500  (2/4)
	// person_rank acc       0.444  (4/9)
	// person_country acc    0.667  (6/9)
	// event_dates acc       0.500  (1/2)
	// status acc            0.700  (7/10)
	// visit_actor acc       1.000  (5/5)
	//
	// documents scored: 4
	// quality 0.758
	// persons F1 0.778, first miss "  garbled: gold True garbled_chars 12"
}
