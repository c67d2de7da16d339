package normalize_test

import (
	"errors"
	"fmt"

	"communique/normalize"
)

func ExampleDocument() {
	raw := []byte("the body go topmenu go\r\n\r\nHOME > What's New> News & Notices\r\n\r\n" +
		"Press Release\r\n\r\nMinister Lee Visits Italy\r\nDate : 2024.03.12 Read : 14923\r\n" +
		"Minister Lee Sang-min (\xec\x9d\xb4\xec\x83\x81\xeb\xaf\xbc) met his Italian counterpart \xe2\x80\x9cto share\r\n\r\n" +
		"best practices\xe2\x80\x9d in Rome \xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa5\xe0\xa4\xbe on March 8.\r\n")
	res, err := normalize.Document(raw, "release.txt", normalize.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(res.Text)
	fmt.Println("garbled:", res.Garbled)
	i := len("Minister Lee Visits Italy\n")
	fmt.Printf("text byte %d comes from raw byte %d: %q\n", i, res.Map.Raw(i), raw[res.Map.Raw(i):res.Map.Raw(i)+4])
	// Output:
	// Minister Lee Visits Italy
	// Date : 2024.03.12 Read : 14923
	// Minister Lee Sang-min (이상민) met his Italian counterpart "to share best practices" in Rome on March 8.
	// garbled: 4
	// text byte 26 comes from raw byte 107: "Date"
}

func ExampleRejectError() {
	_, err := normalize.Document([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "logo.txt", normalize.Options{})
	var rej *normalize.RejectError
	if errors.As(err, &rej) {
		fmt.Println("rejected:", rej.Reason)
	}
	// Output:
	// rejected: png image
}

func ExampleOffsetMap_Span() {
	raw := []byte("<p>Minister <b>Lee</b> &amp; aides</p>")
	res, _ := normalize.Document(raw, "page.html", normalize.Options{})
	start, end := res.Map.Span(len("Minister "), len("Minister Lee"))
	fmt.Printf("%q -> %q\n", res.Text[len("Minister "):len("Minister Lee")], raw[start:end])
	start, end = res.Map.Span(len("Minister Lee "), len("Minister Lee &"))
	fmt.Printf("%q -> %q\n", "&", raw[start:end])
	// Output:
	// "Lee" -> "Lee"
	// "&" -> "&amp;"
}
