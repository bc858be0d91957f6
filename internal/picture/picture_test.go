package picture

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

func TestOrientFit(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	for o, want := range map[int]image.Point{1: {40, 20}, 3: {40, 20}, 6: {20, 40}, 8: {20, 40}} {
		if got := Orient(img, o).Bounds().Size(); got != want {
			t.Errorf("orientation %d: %v, want %v", o, got, want)
		}
	}
	// Orientation 6 (turned right): the top left pixel goes top right.
	if r, _, _, _ := Orient(img, 6).At(19, 0).RGBA(); r>>8 != 255 {
		t.Errorf("orientation 6 moved the corner elsewhere")
	}
	if got := Fit(img, 10).Bounds().Size(); got != (image.Point{10, 5}) {
		t.Errorf("Fit 10: %v", got)
	}
	if got := Fit(img, 100).Bounds().Size(); got != (image.Point{40, 20}) {
		t.Errorf("Fit enlarges: %v", got)
	}
}

func TestDecodeRefusesBombs(t *testing.T) {
	if _, err := Decode([]byte("GIF89a\xff\xff\xff\xff")); err == nil {
		t.Error("a 65535×65535 GIF header was accepted")
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
	if _, err := Decode(buf.Bytes()); err != nil {
		t.Errorf("a small JPEG: %v", err)
	}
}

// FuzzOrientation: any bytes give an orientation from 1 to 8, without
// panicking or reading outside the data.
func FuzzOrientation(f *testing.F) {
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', '*', 0, 8, 0, 0, 0, 1, 0, 0x12, 1, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{0xFF, 0xD8})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := Orientation(data); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
	})
}
