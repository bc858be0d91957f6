package webtest

import (
	"net/url"

	"github.com/PuerkitoBio/goquery"
)

// FormValues are what a browser would send from the fields sel finds in
// doc ("#draft-form input, #draft-form textarea, #draft-form select"):
// an input's value, a textarea's text, a select's selected option; the
// CSRF token is left out, as the client adds its own.
func FormValues(doc *goquery.Document, sel string) url.Values {
	form := url.Values{}
	doc.Find(sel).Each(func(_ int, f *goquery.Selection) {
		name, _ := f.Attr("name")
		val, _ := f.Attr("value")
		switch goquery.NodeName(f) {
		case "textarea":
			val = f.Text()
		case "select":
			val, _ = f.Find("option[selected]").Attr("value")
		}
		if name != "" && name != "csrf" {
			form.Set(name, val)
		}
	})
	return form
}
