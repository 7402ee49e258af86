// replaced as the extract stages land
